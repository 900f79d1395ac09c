<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1：无法保存：%2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: image outside any class folder</source>
        <translation>%1：图像不在任何类别文件夹中</translation>
    </message>
    <message>
        <source>%1: the folder name gives no tag; its images were not read</source>
        <translation>%1：无法从文件夹名称得到标签，其中的图像未被读取</translation>
    </message>
    <message>
        <source>%1: a folder inside a class folder is not read</source>
        <translation>%1：类别文件夹中的子文件夹不会被读取</translation>
    </message>
    <message>
        <source>%1: not an image file</source>
        <translation>%1：不是图像文件</translation>
    </message>
    <message>
        <source>%1: the export folder lies inside the project %2, whose next scan would take the copies for new images</source>
        <translation>%1：导出文件夹位于项目 %2 内，下次扫描时会把其中的副本当作新图像</translation>
    </message>
    <message>
        <source>%1: tag &quot;%2&quot; cannot be a folder name</source>
        <translation>%1：标签“%2”不能用作文件夹名称</translation>
    </message>
    <message>
        <source>%1: %2 and %3 would both be exported as %4</source>
        <translation>%1：%2 和 %3 都会被导出为 %4</translation>
    </message>
    <message>
        <source>%1: cannot create the folder %2</source>
        <translation>%1：无法创建文件夹 %2</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>缺少“%1”</translation>
    </message>
    <message>
        <source>not an array</source>
        <translation>不是数组</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a non-empty string</source>
        <translation>“%1”不是非空字符串</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1:%2: JSON error at byte %3: %4</source>
        <translation>%1:%2：第 %3 字节处 JSON 错误：%4</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>duplicate category id %1</source>
        <translation>重复的类别 ID %1</translation>
    </message>
    <message>
        <source>duplicate image id %1</source>
        <translation>重复的图像 ID %1</translation>
    </message>
    <message>
        <source>unknown image_id %1</source>
        <translation>未知的 image_id %1</translation>
    </message>
    <message>
        <source>unknown category_id %1</source>
        <translation>未知的 category_id %1</translation>
    </message>
    <message>
        <source>%1:%2: not valid UTF-8 text (save the file as UTF-8)</source>
        <translation>%1:%2：不是有效的 UTF-8 文本（请将文件另存为 UTF-8）</translation>
    </message>
    <message>
        <source>unterminated quoted field</source>
        <translation>带引号的字段未闭合</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>右引号后有多余文本</translation>
    </message>
    <message>
        <source>truncated header</source>
        <translation>文件头不完整</translation>
    </message>
    <message>
        <source>JPEG without a frame header</source>
        <translation>JPEG 缺少帧头</translation>
    </message>
    <message>
        <source>BigTIFF is not supported</source>
        <translation>不支持 BigTIFF</translation>
    </message>
    <message>
        <source>not a TIFF file</source>
        <translation>不是 TIFF 文件</translation>
    </message>
    <message>
        <source>WebP with a bad VP8 frame</source>
        <translation>WebP 的 VP8 帧损坏</translation>
    </message>
    <message>
        <source>WebP with a bad VP8L signature</source>
        <translation>WebP 的 VP8L 签名无效</translation>
    </message>
    <message>
        <source>WebP with an unknown chunk</source>
        <translation>WebP 含有未知的块</translation>
    </message>
    <message>
        <source>JPEG 2000 codestream without a SIZ segment</source>
        <translation>JPEG 2000 码流缺少 SIZ 段</translation>
    </message>
    <message>
        <source>JPEG 2000 box of length %1 at byte %2</source>
        <translation>第 %2 字节处的 JPEG 2000 盒长度为 %1</translation>
    </message>
    <message>
        <source>JPEG 2000 file without an image header box</source>
        <translation>JPEG 2000 文件缺少图像头盒</translation>
    </message>
    <message>
        <source>PNM header with an unexpected character</source>
        <translation>PNM 文件头含有意外字符</translation>
    </message>
    <message>
        <source>not an image format whose size can be read (PNG, JPEG, BMP, TIFF, WebP, JPEG 2000, PNM)</source>
        <translation>不是可读取尺寸的图像格式（PNG、JPEG、BMP、TIFF、WebP、JPEG 2000、PNM）</translation>
    </message>
    <message>
        <source>invalid image size %1x%2</source>
        <translation>无效的图像尺寸 %1x%2</translation>
    </message>
    <message>
        <source>%1: cannot read the image size: %2</source>
        <translation>%1：无法读取图像尺寸：%2</translation>
    </message>
    <message>
        <source>%1: the images folder does not exist</source>
        <translation>%1：图像文件夹不存在</translation>
    </message>
    <message>
        <source>empty image name</source>
        <translation>图像名称为空</translation>
    </message>
    <message>
        <source>image outside the images folder %1: %2</source>
        <translation>图像不在图像文件夹 %1 中：%2</translation>
    </message>
    <message>
        <source>image not found: %1</source>
        <translation>未找到图像：%1</translation>
    </message>
    <message>
        <source>not an image file: %1</source>
        <translation>不是图像文件：%1</translation>
    </message>
    <message>
        <source>%1:1: empty file (expected a header such as &quot;image_path,tagA,tagB&quot;)</source>
        <translation>%1:1：文件为空（应有表头，例如“image_path,tagA,tagB”）</translation>
    </message>
    <message>
        <source>bad header: expected &quot;image_path&quot; and at least one tag column, found &quot;%1&quot;</source>
        <translation>表头错误：应为“image_path”和至少一个标签列，实际为“%1”</translation>
    </message>
    <message>
        <source>bad header: the first column has no name</source>
        <translation>表头错误：第一列没有名称</translation>
    </message>
    <message>
        <source>bad header: &quot;%1&quot; is an image; the first line must name the columns</source>
        <translation>表头错误：“%1”是图像；第一行必须是列名</translation>
    </message>
    <message>
        <source>bad header: column %1 has no tag name</source>
        <translation>表头错误：第 %1 列没有标签名称</translation>
    </message>
    <message>
        <source>bad header: tag column &quot;%1&quot; appears twice</source>
        <translation>表头错误：标签列“%1”出现了两次</translation>
    </message>
    <message>
        <source>wrong column count: expected %1, found %2</source>
        <translation>列数错误：应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>column &quot;%1&quot;: &quot;%2&quot; is not 0 or 1</source>
        <translation>列“%1”：“%2”不是 0 或 1</translation>
    </message>
    <message>
        <source>%1:1: empty file (expected a header such as &quot;image_name,tags&quot;)</source>
        <translation>%1:1：文件为空（应有表头，例如“image_name,tags”）</translation>
    </message>
    <message>
        <source>bad header: expected two column names such as &quot;image_name,tags&quot;, found &quot;%1&quot;</source>
        <translation>表头错误：应为两个列名，例如“image_name,tags”，实际为“%1”</translation>
    </message>
    <message>
        <source>wrong column count: expected 2, found %1</source>
        <translation>列数错误：应为 2，实际为 %1</translation>
    </message>
    <message>
        <source>%1: the images folder does not lie inside the project folder %2</source>
        <translation>%1：图像文件夹不在项目文件夹 %2 内</translation>
    </message>
    <message>
        <source>%1: the image &quot;%2&quot; does not lie inside the project folder %3</source>
        <translation>%1：图像“%2”不在项目文件夹 %3 内</translation>
    </message>
    <message>
        <source>%1: tag &quot;%2&quot; renamed to &quot;%3&quot; (a tag name cannot contain spaces or commas)</source>
        <translation>%1：标签“%2”已重命名为“%3”（标签名称不能包含空格或逗号）</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>%1: the folder is not empty (export into a new or empty folder)</source>
        <translation>%1：文件夹不为空（请导出到新的或空的文件夹）</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder: %2</source>
        <translation>%1：无法创建临时文件夹：%2</translation>
    </message>
    <message>
        <source>%1: cannot replace the empty folder</source>
        <translation>%1：无法替换空文件夹</translation>
    </message>
    <message>
        <source>%1: cannot move the export into place from %2</source>
        <translation>%1：无法将导出结果从 %2 移到目标位置</translation>
    </message>
    <message>
        <source>XML error: %1</source>
        <translation>XML 错误：%1</translation>
    </message>
    <message>
        <source>no XML element</source>
        <translation>没有 XML 元素</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, expected &lt;annotation&gt;</source>
        <translation>根元素为 &lt;%1&gt;，应为 &lt;annotation&gt;</translation>
    </message>
    <message>
        <source>empty &lt;filename&gt;</source>
        <translation>&lt;filename&gt; 为空</translation>
    </message>
    <message>
        <source>&lt;object&gt; without a &lt;name&gt;</source>
        <translation>&lt;object&gt; 缺少 &lt;name&gt;</translation>
    </message>
    <message>
        <source>&lt;annotation&gt; without a &lt;filename&gt;</source>
        <translation>&lt;annotation&gt; 缺少 &lt;filename&gt;</translation>
    </message>
    <message>
        <source>%1: %2 and %3 would both be written to %4</source>
        <translation>%1：%2 和 %3 都会被写入 %4</translation>
    </message>
    <message>
        <source>%1: cannot create the folder for %2</source>
        <translation>%1：无法为 %2 创建文件夹</translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1：不是文件夹</translation>
    </message>
    <message>
        <source>%1: cannot open the project database: %2</source>
        <translation>%1：无法打开项目数据库：%2</translation>
    </message>
    <message>
        <source>%1: the project database is damaged (%2)</source>
        <translation>%1：项目数据库已损坏（%2）</translation>
    </message>
    <message>
        <source>%1: made by a newer version of Tagwise (schema %2)</source>
        <translation>%1：由更新版本的 Tagwise 创建（架构版本 %2）</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>%1: cannot start a transaction: %2</source>
        <translation>%1：无法开始事务：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: cannot add %2: %3</source>
        <translation>%1：无法添加 %2：%3</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; exists already</source>
        <translation>标签“%1”已存在</translation>
    </message>
    <message>
        <source>No tag with id %1</source>
        <translation>没有 ID 为 %1 的标签</translation>
    </message>
    <message>
        <source>Cannot merge tag %1 into tag %2</source>
        <translation>无法将标签 %1 合并到标签 %2</translation>
    </message>
    <message>
        <source>%1: cannot create: %2</source>
        <translation>%1：无法创建：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large (ids must stay below 2^53 = 9007199254740992 to be read exactly)</source>
        <translation>“%1”过大（ID 必须小于 2^53 = 9007199254740992 才能被准确读取）</translation>
    </message>
    <message>
        <source>%1: is inside the project&apos;s own folder %2; export somewhere else</source>
        <translation>%1：位于项目自身的文件夹 %2 中；请导出到其他位置</translation>
    </message>
    <message>
        <source>%1: is an image of the project; an export never overwrites one</source>
        <translation>%1：是项目中的图像；导出绝不会覆盖图像</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>lies in %1, a symbolic link to a folder (the project&apos;s scan does not follow those, as the folder may lie outside the project)</source>
        <translation>位于 %1 中，它是指向文件夹的符号链接（项目扫描不跟随此类链接，因为该文件夹可能位于项目之外）</translation>
    </message>
    <message>
        <source>lies outside the project folder</source>
        <translation>位于项目文件夹之外</translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation>%1：未导入：%2</translation>
    </message>
    <message>
        <source>%1: the image &quot;%2&quot; %3</source>
        <translation>%1：图像“%2”%3</translation>
    </message>
    <message>
        <source>%1: %2: not imported: tag &quot;%3&quot; holds a control character</source>
        <translation>%1：%2：未导入：标签“%3”含有控制字符</translation>
    </message>
    <message>
        <source>corrupt PNG header (no IHDR chunk)</source>
        <translation>PNG 文件头损坏（缺少 IHDR 块）</translation>
    </message>
    <message>
        <source>corrupt PNG header (colour type %1)</source>
        <translation>PNG 文件头损坏（颜色类型 %1）</translation>
    </message>
    <message>
        <source>corrupt JPEG marker segment at byte %1</source>
        <translation>第 %1 字节处的 JPEG 标记段损坏</translation>
    </message>
    <message>
        <source>%1: left out: its name is not valid UTF-8 text; rename it</source>
        <translation>%1：已跳过：名称不是有效的 UTF-8 文本；请重命名</translation>
    </message>
    <message>
        <source>an empty path</source>
        <translation>路径为空</translation>
    </message>
    <message>
        <source>not a path relative to the project folder</source>
        <translation>不是相对于项目文件夹的路径</translation>
    </message>
    <message>
        <source>leaves the project folder or is not a clean path</source>
        <translation>超出项目文件夹或不是规范路径</translation>
    </message>
    <message>
        <source>lies in a hidden folder, or is hidden (&quot;%1&quot;)</source>
        <translation>位于隐藏文件夹中或本身是隐藏的（“%1”）</translation>
    </message>
    <message>
        <source>a tag needs a name</source>
        <translation>标签需要名称</translation>
    </message>
    <message>
        <source>a tag name cannot contain spaces or commas</source>
        <translation>标签名称不能包含空格或逗号</translation>
    </message>
    <message>
        <source>a tag name cannot contain control characters or white space (U+%1)</source>
        <translation>标签名称不能包含控制字符或空白字符（U+%1）</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the project&apos;s files are read-only</source>
        <translation>项目文件为只读</translation>
    </message>
    <message>
        <source>a disk input/output error (%1)</source>
        <translation>磁盘输入/输出错误（%1）</translation>
    </message>
    <message>
        <source>the project database is damaged (%1)</source>
        <translation>项目数据库已损坏（%1）</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1：不是文件</translation>
    </message>
    <message>
        <source>%1: the project database is empty (0 bytes), so its labels are lost; restore it from a backup, or delete it to start the project anew</source>
        <translation>%1：项目数据库为空（0 字节），其标注已丢失；请从备份恢复，或将其删除以重新开始项目</translation>
    </message>
    <message>
        <source>%1: cannot create the project folder (%2)</source>
        <translation>%1：无法创建项目文件夹（%2）</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>原因未知</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>文件夹为只读</translation>
    </message>
    <message>
        <source>%1: cannot read the project database: %2</source>
        <translation>%1：无法读取项目数据库：%2</translation>
    </message>
    <message>
        <source>%1: not a Tagwise project database (it holds no Tagwise tables); it is left as it is</source>
        <translation>%1：不是 Tagwise 项目数据库（其中没有 Tagwise 的表）；保持原样不动</translation>
    </message>
    <message>
        <source>%1: made by an older version of Tagwise and must be updated, but the project&apos;s files are read-only</source>
        <translation>%1：由旧版 Tagwise 创建，需要更新，但项目文件为只读</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>%1: the project is open read-only (its files may not be written); the change was not made</source>
        <translation>%1：项目以只读方式打开（不能写入其文件）；未进行此更改</translation>
    </message>
    <message>
        <source>cannot add %1</source>
        <translation>无法添加 %1</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot;: %2</source>
        <translation>标签“%1”：%2</translation>
    </message>
    <message>
        <source>cannot add tag %1</source>
        <translation>无法添加标签 %1</translation>
    </message>
    <message>
        <source>cannot rename tag</source>
        <translation>无法重命名标签</translation>
    </message>
    <message>
        <source>cannot save a tag</source>
        <translation>无法保存标签</translation>
    </message>
    <message>
        <source>cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; of %2: %3</source>
        <translation>%2 的标签“%1”：%3</translation>
    </message>
    <message>
        <source>%1: a run needs an id and one of the statuses %2</source>
        <translation>%1：训练运行需要一个 ID 和以下状态之一：%2</translation>
    </message>
    <message>
        <source>cannot save run %1</source>
        <translation>无法保存训练运行 %1</translation>
    </message>
    <message>
        <source>%1: cannot update the project&apos;s tables: %2 (%3)</source>
        <translation>%1：无法更新项目的表：%2（%3）</translation>
    </message>
    <message>
        <source>%1: cannot save the updated tables: %2</source>
        <translation>%1：无法保存更新后的表：%2</translation>
    </message>
    <message>
        <source>%1: not a folder of the project for images: %2</source>
        <translation>%1：不是项目中可存放图像的文件夹：%2</translation>
    </message>
    <message>
        <source>%1: the file is gone</source>
        <translation>%1：文件已不存在</translation>
    </message>
    <message>
        <source>%1: cannot copy it into the project: %2</source>
        <translation>%1：无法复制到项目中：%2</translation>
    </message>
</context>
<context>
    <name>Recommendation</name>
    <message>
        <source>the image sizes are not known; 96 px keeps detail at a modest cost</source>
        <translation>图像尺寸未知；96 px 能以适中的代价保留细节</translation>
    </message>
    <message>
        <source>the images are %1 px; %2 px keeps training within minutes on this GPU</source>
        <translation>图像为 %1 px；使用 %2 px 时，在此 GPU 上训练只需几分钟</translation>
    </message>
    <message>
        <source>the images are %1 px; %2 px keeps training within minutes on a CPU</source>
        <translation>图像为 %1 px；使用 %2 px 时，在 CPU 上训练只需几分钟</translation>
    </message>
    <message>
        <source>the images&apos; own size (%1 px): nothing is lost or invented</source>
        <translation>图像的原始尺寸（%1 px）：既不丢失也不凭空增加信息</translation>
    </message>
    <message>
        <source>a GPU and images of %1 px: a residual network has the capacity and the speed for them</source>
        <translation>有 GPU 且图像为 %1 px：残差网络具备处理它们的容量和速度</translation>
    </message>
    <message>
        <source>images of %1 px: the small VGG-style network, its first pool halving instead of thirding so that small images keep their detail (measured on Fashion-MNIST at 28 px over 25 epochs: top-1 0.934 against 0.929)</source>
        <translation>图像为 %1 px：小型 VGG 风格网络，其第一个池化层缩小一半而非三分之一，使小图像保留细节（在 Fashion-MNIST 上以 28 px 训练 25 轮测得：top-1 0.934，对比 0.929）</translation>
    </message>
    <message>
        <source>small images: the small VGG-style network trains fastest and measured best here</source>
        <translation>小图像：小型 VGG 风格网络训练最快，且在此测得的效果最好</translation>
    </message>
    <message>
        <source>training on the CPU: the small VGG-style network trains fastest and measured best here</source>
        <translation>在 CPU 上训练：小型 VGG 风格网络训练最快，且在此测得的效果最好</translation>
    </message>
    <message>
        <source>this CPU computes bfloat16 natively (AVX512-BF16 or AMX): about 1.6 times faster at equal accuracy</source>
        <translation>此 CPU 原生支持 bfloat16 计算（AVX512-BF16 或 AMX）：在精度相同的情况下约快 1.6 倍</translation>
    </message>
    <message>
        <source>at %1 px the convolutions are too small for bfloat16 to gain (measured no faster at 28 px with a first pool of 3), and float32 is exact</source>
        <translation>在 %1 px 下卷积太小，bfloat16 带不来收益（测得在 28 px、第一个池化为 3 时并不更快），而 float32 是精确的</translation>
    </message>
    <message>
        <source>mixed precision on the GPU: faster, with the loss kept in float32</source>
        <translation>GPU 上的混合精度：更快，损失仍以 float32 计算</translation>
    </message>
    <message>
        <source>about %1 s an epoch here for %2 images: %3 epochs take about 1 minute</source>
        <translation>在此机器上 %2 张图像每轮约 %1 秒：%3 轮约需 1 分钟</translation>
    </message>
    <message>
        <source>about %1 s an epoch here for %2 images: %3 epochs take about %4 minutes</source>
        <translation>在此机器上 %2 张图像每轮约 %1 秒：%3 轮约需 %4 分钟</translation>
    </message>
    <message>
        <source> (one more would make a long run, whose dropout would not fit in the time)</source>
        <translation>（再多一轮就成了长时间训练，其 dropout 会超出时间）</translation>
    </message>
    <message>
        <source> (more seldom pay off)</source>
        <translation>（更多轮次很少带来收益）</translation>
    </message>
    <message>
        <source> (fewer learn too little)</source>
        <translation>（更少轮次学得太少）</translation>
    </message>
    <message>
        <source>where SGD&apos;s rate starts its fall (measured on Fashion-MNIST)</source>
        <translation>SGD 学习率从这里开始下降（在 Fashion-MNIST 上测得）</translation>
    </message>
    <message>
        <source>Adam&apos;s rate of 1e-3: lower and higher rates did worse in the measured runs</source>
        <translation>Adam 的学习率 1e-3：在测量的训练中，更低或更高的学习率效果都更差</translation>
    </message>
    <message>
        <source>%1 epochs are long enough for the rate to fall to 0 over the run, which settles the weights (measured better from 20 epochs on)</source>
        <translation>%1 轮足够让学习率在训练过程中降到 0，使权重趋于稳定（测得从 20 轮起效果更好）</translation>
    </message>
    <message>
        <source>1 epoch is short: the network still learns fast at the end, and a falling rate cost more than it saved (measured)</source>
        <translation>1 轮很短：网络在结束时仍在快速学习，下降的学习率得不偿失（已测量）</translation>
    </message>
    <message>
        <source>%1 epochs are short: the network still learns fast at the end, and a falling rate cost more than it saved (measured)</source>
        <translation>%1 轮很短：网络在结束时仍在快速学习，下降的学习率得不偿失（已测量）</translation>
    </message>
    <message>
        <source>%1 steps are enough for SGD with Nesterov momentum 0.9 to overtake Adam (measured on Fashion-MNIST over 42,200: top-1 0.936 against 0.934, mAP 0.977 against 0.972)</source>
        <translation>%1 步足以让带 Nesterov 动量 0.9 的 SGD 超过 Adam（在 Fashion-MNIST 上训练 42,200 步测得：top-1 0.936，对比 0.934；mAP 0.977，对比 0.972）</translation>
    </message>
    <message>
        <source>keeps the weights small over a long run of SGD</source>
        <translation>在长时间的 SGD 训练中保持权重较小</translation>
    </message>
    <message>
        <source>Adam without weight decay starts fastest: over 1 step SGD would still lag (measured)</source>
        <translation>不带权重衰减的 Adam 起步最快：在 1 步内 SGD 仍会落后（已测量）</translation>
    </message>
    <message>
        <source>Adam without weight decay starts fastest: over %1 steps SGD would still lag (measured)</source>
        <translation>不带权重衰减的 Adam 起步最快：在 %1 步内 SGD 仍会落后（已测量）</translation>
    </message>
    <message>
        <source>flips and shifts by whole pixels keep %1 epochs from memorising the images, and blur nothing</source>
        <translation>翻转和整像素平移可防止 %1 轮训练死记图像，且不会造成模糊</translation>
    </message>
    <message>
        <source>1 epoch is too few for changed images to pay off; they only slow the learning</source>
        <translation>1 轮太少，变换后的图像无法带来收益，只会拖慢学习</translation>
    </message>
    <message>
        <source>%1 epochs are too few for changed images to pay off; they only slow the learning</source>
        <translation>%1 轮太少，变换后的图像无法带来收益，只会拖慢学习</translation>
    </message>
    <message>
        <source>1 step is few: without dropout the network learns faster (measured on mosaics: mAP 0.845 against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)</source>
        <translation>1 步很少：不用 dropout 网络学得更快（在拼接图上测得：940 步时 mAP 0.845，对比 0.800；2,820 步时 0.910，对比 0.871）</translation>
    </message>
    <message>
        <source>%1 steps are few: without dropout the network learns faster (measured on mosaics: mAP 0.845 against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)</source>
        <translation>%1 步很少：不用 dropout 网络学得更快（在拼接图上测得：940 步时 mAP 0.845，对比 0.800；2,820 步时 0.910，对比 0.871）</translation>
    </message>
    <message>
        <source>%1 steps are many: the network&apos;s own dropout keeps it from growing overconfident (measured on Fashion-MNIST over 42,200: mAP 0.972 with it against 0.960 without, top-1 alike)</source>
        <translation>%1 步很多：网络自带的 dropout 可防止其过度自信（在 Fashion-MNIST 上训练 42,200 步测得：使用时 mAP 0.972，不使用时 0.960，top-1 相当）</translation>
    </message>
    <message>
        <source>each tag&apos;s threshold is chosen on the validation images for the best F-beta</source>
        <translation>每个标签的阈值在验证图像上按最佳 F-beta 选取</translation>
    </message>
</context>
<context>
    <name>RuntimeReport</name>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>CPU, 1 core</source>
        <translation>CPU，1 个核心</translation>
    </message>
    <message>
        <source>CPU, %1 cores</source>
        <translation>CPU，%1 个核心</translation>
    </message>
    <message>
        <source>, bfloat16 in hardware</source>
        <translation>，硬件支持 bfloat16</translation>
    </message>
    <message>
        <source>c10d with Gloo</source>
        <translation>c10d（Gloo）</translation>
    </message>
    <message>
        <source>not built in (no Gloo headers beside this LibTorch)</source>
        <translation>未内置（此 LibTorch 旁没有 Gloo 头文件）</translation>
    </message>
</context>
<context>
    <name>tagwise::AddTagCommand</name>
    <message>
        <source>Add tag &quot;%1&quot;</source>
        <translation>添加标签“%1”</translation>
    </message>
</context>
<context>
    <name>tagwise::AddToProjectDialog</name>
    <message>
        <source>Add 1 Image to the Project</source>
        <translation>将 1 张图像添加到项目</translation>
    </message>
    <message>
        <source>Add %1 Images to the Project</source>
        <translation>将 %1 张图像添加到项目</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>A folder of the project, made when missing; images already in the project stay where they are</source>
        <translation>项目中的文件夹，不存在时自动创建；已在项目中的图像保持原位</translation>
    </message>
    <message>
        <source>Copy into folder:</source>
        <translation>复制到文件夹：</translation>
    </message>
    <message>
        <source>Untick what the model got wrong, tick what it missed. The tags are saved as the model&apos;s suggestions: the Label workspace shows them with a &quot;?&quot; (filter: Suggested by a model), and training leaves these images out until a person reviews them (Space).</source>
        <translation>取消勾选模型判断错误的标签，勾选模型遗漏的标签。这些标签将保存为模型的建议：标注工作区中以“?”显示（筛选：模型建议），在有人审核（空格键）之前，训练不会使用这些图像。</translation>
    </message>
    <message>
        <source>Add to Project</source>
        <translation>添加到项目</translation>
    </message>
</context>
<context>
    <name>tagwise::ClassifyWorkspace</name>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Predicted tags</source>
        <translation>预测标签</translation>
    </message>
    <message>
        <source>Highest probability</source>
        <translation>最高概率</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation>添加图像…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Classify the image or the files on the clipboard (Ctrl+V)</source>
        <translation>对剪贴板中的图像或文件进行分类（Ctrl+V）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Drop images or folders anywhere on the window to classify them.</source>
        <translation>将图像或文件夹拖放到窗口中的任意位置即可进行分类。</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少 </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Opacity of the heat map</source>
        <translation>热力图的不透明度</translation>
    </message>
    <message>
        <source>Heat map of</source>
        <translation>热力图对应标签</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Classify Images</source>
        <translation>分类图像</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <source>Classify a Folder</source>
        <translation>分类文件夹</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no image file</source>
        <translation>剪贴板中既没有图像，也没有图像文件</translation>
    </message>
    <message>
        <source>Planet CSV, predicted tags (*.csv)</source>
        <translation>Planet CSV，预测标签 (*.csv)</translation>
    </message>
    <message>
        <source>CSV with every probability (*.csv)</source>
        <translation>包含全部概率的 CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON, as tagwise-cli predict (*.json)</source>
        <translation>JSON，与 tagwise-cli predict 相同 (*.json)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>预测为 %1</translation>
    </message>
    <message>
        <source>%1: the pasted image cannot be saved</source>
        <translation>%1：无法保存粘贴的图像</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Train a model first: this project has none yet.</source>
        <translation>请先训练一个模型：此项目还没有模型。</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分类…</translation>
    </message>
    <message>
        <source>The model cannot be loaded: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
    <message numerus="yes">
        <source>Drop images or folders anywhere on the window to classify them (%1, %n tags).</source>
        <translation>
            <numerusform>将图像或文件夹拖放到窗口中的任意位置即可进行分类（%1，%n 个标签）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images classified</source>
        <translation>
            <numerusform>已分类 %n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Problem column)</source>
        <translation>
            <numerusform>%n 张无法读取（见“问题”列）</numerusform>
        </translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>结果已写入 %1</translation>
    </message>
    <message>
        <source>Add to Project…</source>
        <translation>添加到项目…</translation>
    </message>
    <message>
        <source>Copy the images shown (or the selected ones, when several are) into the project, with the predicted tags as suggestions to review</source>
        <translation>将显示的图像（若选中了多张，则为所选图像）复制到项目中，预测的标签作为待审核的建议</translation>
    </message>
    <message>
        <source>No readable image to add</source>
        <translation>没有可添加的可读图像</translation>
    </message>
    <message>
        <source>Add to Project</source>
        <translation>添加到项目</translation>
    </message>
    <message numerus="yes">
        <source>Add %n images with suggested tags</source>
        <translation>
            <numerusform>添加 %n 张带建议标签的图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images added to the project with the model&apos;s tags as suggestions; the Label workspace lists them under &quot;Suggested by a model&quot;</source>
        <translation>
            <numerusform>已将 %n 张图像添加到项目，模型的标签作为建议；标注工作区在“模型建议”下列出它们</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be added:</source>
        <translation>
            <numerusform>%n 张图像无法添加：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n images into the project…</source>
        <translation>
            <numerusform>正在将 %n 张图像复制到项目中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>canceled: %n others not added</source>
        <translation>
            <numerusform>已取消，另有 %n 张未添加</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to Project canceled: no image was added</source>
        <translation>已取消添加到项目：没有添加任何图像</translation>
    </message>
</context>
<context>
    <name>tagwise::ConfusionGrid</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;true negatives %2, false positives %3&lt;br&gt;false negatives %4, true positives %5&lt;br&gt;rows: truth (without, with); columns: prediction (no, yes)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;真阴性 %2，假阳性 %3&lt;br&gt;假阴性 %4，真阳性 %5&lt;br&gt;行：真实标注（无、有）；列：预测（否、是）</translation>
    </message>
</context>
<context>
    <name>tagwise::DatasetFormat</name>
    <message>
        <source>Planet CSV</source>
        <translation>Planet CSV</translation>
    </message>
    <message>
        <source>One-hot CSV</source>
        <translation>独热编码 CSV</translation>
    </message>
    <message>
        <source>Folder per Class</source>
        <translation>每类一个文件夹</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>COCO JSON</source>
        <translation>COCO JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tagwise::DatasetOverviewDialog</name>
    <message>
        <source>Dataset Overview</source>
        <translation>数据集概览</translation>
    </message>
    <message>
        <source>Images per Tag</source>
        <translation>每个标签的图像数</translation>
    </message>
    <message>
        <source>Tags per Image</source>
        <translation>每张图像的标签数</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>标签共现</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>%1 tagged</source>
        <translation>已标记 %1</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 个标签</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 个标签</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺失 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rare tags:&lt;/b&gt; %1.&lt;br&gt;A model learns little from a tag with fewer than %2 images or under %3% of the tagged images; tag more examples or merge it.</source>
        <translation>&lt;b&gt;稀有标签：&lt;/b&gt;%1。&lt;br&gt;某个标签的图像少于 %2 张或不到已标记图像的 %3% 时，模型很难从中学到东西；请为它标记更多样例，或将其合并。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>Tags on an image</source>
        <translation>单张图像上的标签数</translation>
    </message>
    <message>
        <source>Images tagged %1: %2</source>
        <translation>标记为 %1 的图像：%2</translation>
    </message>
    <message>
        <source>Images tagged both %1 and %2: %3</source>
        <translation>同时标记为 %1 和 %2 的图像：%3</translation>
    </message>
</context>
<context>
    <name>tagwise::DeleteTagCommand</name>
    <message>
        <source>Delete tag &quot;%1&quot;</source>
        <translation>删除标签“%1”</translation>
    </message>
</context>
<context>
    <name>tagwise::EditTagCommand</name>
    <message>
        <source>Rename &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>将“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Recolour &quot;%1&quot;</source>
        <translation>更改“%1”的颜色</translation>
    </message>
    <message>
        <source>Remove the shortcut of &quot;%1&quot;</source>
        <translation>移除“%1”的快捷键</translation>
    </message>
    <message>
        <source>Set shortcut %2 for &quot;%1&quot;</source>
        <translation>将“%1”的快捷键设为 %2</translation>
    </message>
</context>
<context>
    <name>tagwise::FilterBar</name>
    <message>
        <source>All images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>未标记</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>Has tag</source>
        <translation>含有标签</translation>
    </message>
    <message>
        <source>Lacks tag</source>
        <translation>不含标签</translation>
    </message>
    <message>
        <source>Missing files</source>
        <translation>缺失的文件</translation>
    </message>
    <message>
        <source>Which images to show</source>
        <translation>要显示哪些图像</translation>
    </message>
    <message>
        <source>The tag to filter by</source>
        <translation>用于筛选的标签</translation>
    </message>
    <message>
        <source>Search file names…</source>
        <translation>搜索文件名…</translation>
    </message>
    <message>
        <source>Apply the filter again (images you just edited may no longer match)</source>
        <translation>重新应用筛选（刚编辑过的图像可能已不再符合条件）</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 张图像</translation>
    </message>
    <message>
        <source>Suggested by a model</source>
        <translation>模型建议</translation>
    </message>
</context>
<context>
    <name>tagwise::ImageListModel</name>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>The file is missing; its tags are kept.</source>
        <translation>文件缺失；其标签仍会保留。</translation>
    </message>
    <message>
        <source>Suggested by a model: %1 (Space confirms them)</source>
        <translation>模型建议：%1（空格键确认）</translation>
    </message>
</context>
<context>
    <name>tagwise::ImagePreview</name>
    <message>
        <source>%1: cannot read the image: %2</source>
        <translation>%1：无法读取图像：%2</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>未选择图像</translation>
    </message>
    <message>
        <source>The file is missing.
Its tags are kept; rescan when it is back.</source>
        <translation>文件缺失。
其标签仍会保留；文件恢复后请重新扫描。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>tagwise::LabelingWorkspace</name>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;Reviewed</source>
        <translation>标记为已审核(&amp;R)</translation>
    </message>
    <message>
        <source>Toggle the reviewed mark of the selected images</source>
        <translation>切换所选图像的已审核标记</translation>
    </message>
    <message>
        <source>&amp;All Images</source>
        <translation>全部图像(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Untagged</source>
        <translation>未标记(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Not Reviewed</source>
        <translation>未审核(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Missing Files</source>
        <translation>缺失的文件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reapply Filter</source>
        <translation>重新应用筛选(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search File Names</source>
        <translation>搜索文件名(&amp;S)</translation>
    </message>
    <message>
        <source>Dataset &amp;Overview…</source>
        <translation>数据集概览(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Toggle Tag</source>
        <translation>切换标签(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>No folder open</source>
        <translation>未打开文件夹</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>%1 tagged</source>
        <translation>已标记 %1</translation>
    </message>
    <message>
        <source>%1 reviewed</source>
        <translation>已审核 %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺失 %1</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <source>&amp;Suggested by a Model</source>
        <translation>模型建议(&amp;S)</translation>
    </message>
    <message>
        <source>tags with ? suggested by a model (Space confirms them)</source>
        <translation>带 ? 的标签为模型建议（空格键确认）</translation>
    </message>
</context>
<context>
    <name>tagwise::LearningRateDialog</name>
    <message>
        <source>Learning Rate Finder</source>
        <translation>学习率查找器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>loss (smoothed)</source>
        <translation>损失（平滑）</translation>
    </message>
    <message>
        <source>The loss falls fastest at a learning rate of about %1: a good rate to train at.</source>
        <translation>学习率约为 %1 时损失下降最快：这是适合训练的学习率。</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
    <message>
        <source>The loss never fell during the sweep: check the tags, or try a smaller batch.</source>
        <translation>扫描期间损失始终没有下降：请检查标签，或尝试更小的批次。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
</context>
<context>
    <name>tagwise::MainWindow</name>
    <message>
        <source>The edit was not saved</source>
        <translation>编辑未能保存</translation>
    </message>
    <message>
        <source>Open a folder of images to start tagging.</source>
        <translation>打开一个图像文件夹，开始标记。</translation>
    </message>
    <message>
        <source>Tagwise keeps its project in a hidden .tagwise folder inside it;
every tag is saved the moment you set it.</source>
        <translation>Tagwise 会把项目保存在该文件夹内的隐藏文件夹 .tagwise 中；
每个标签一经设置即被保存。</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>重新扫描(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Tagwise</source>
        <translation>关于 Tagwise(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tag Panel</source>
        <translation>标签面板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>%1 — Tagwise</source>
        <translation>%1 — Tagwise</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>Scanning… %1 found</source>
        <translation>正在扫描… 已找到 %1 个</translation>
    </message>
    <message>
        <source>Scan canceled. New images added: %1. Missing files were not checked.</source>
        <translation>扫描已取消。新添加的图像：%1。未检查缺失的文件。</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺失 %1</translation>
    </message>
    <message>
        <source>%1 back</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Scan complete: no changes.</source>
        <translation>扫描完成：没有变化。</translation>
    </message>
    <message>
        <source>Scan complete: %1.</source>
        <translation>扫描完成：%1。</translation>
    </message>
    <message>
        <source>The scan could not be saved</source>
        <translation>扫描结果未能保存</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open a folder first: imports go into its project.</source>
        <translation>请先打开一个文件夹：导入的内容会进入它的项目。</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Import %1 from %2</source>
        <translation>从 %2 导入 %1</translation>
    </message>
    <message>
        <source>Imported %1. Images changed: %2.</source>
        <translation>已导入 %1。更改的图像：%2。</translation>
    </message>
    <message>
        <source>%1 was imported, but these rows could not be used (%2):</source>
        <translation>%1 已导入，但以下行无法使用（%2 行）：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open a folder first.</source>
        <translation>请先打开一个文件夹。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Open Folder of Images</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>Import %1: the folder holding one folder per tag</source>
        <translation>导入 %1：每个标签各有一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Import %1: the folder of annotation XML files</source>
        <translation>导入 %1：存放标注 XML 文件的文件夹</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Folder names can hold several tags, e.g. &quot;red_dress&quot;.
Split them at this text (leave empty for one tag per folder):</source>
        <translation>文件夹名称可以包含多个标签，例如“red_dress”。
按此文本拆分（留空则每个文件夹一个标签）：</translation>
    </message>
    <message>
        <source>Folder of the images listed in %1</source>
        <translation>%1 中所列图像所在的文件夹</translation>
    </message>
    <message>
        <source>Some images already have tags. Should the imported tags replace the tags of the images they list, or be added to them?</source>
        <translation>部分图像已有标签。导入的标签应替换所列图像的现有标签，还是添加到现有标签中？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Export %1: a new or empty folder outside the project</source>
        <translation>导出 %1：项目以外的新文件夹或空文件夹</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>About Tagwise</source>
        <translation>关于 Tagwise</translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation>没有最近打开的文件夹</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <comment>the edit to undo</comment>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <comment>the edit to redo</comment>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (read-only) — Tagwise</source>
        <translation>%1（只读）— Tagwise</translation>
    </message>
    <message>
        <source>%1 rows of the project&apos;s database name files outside the project, or in hidden folders. They are left out: Tagwise never reads or exports them.</source>
        <translation>项目数据库中有 %1 行指向项目之外或隐藏文件夹中的文件。这些行已被忽略：Tagwise 绝不会读取或导出它们。</translation>
    </message>
    <message>
        <source>The project&apos;s files are read-only: you can look and export, but not edit.</source>
        <translation>项目文件为只读：可以查看和导出，但不能编辑。</translation>
    </message>
    <message>
        <source>The scan left out %1 files or folders:</source>
        <translation>扫描跳过了 %1 个文件或文件夹：</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>A Run Is Training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is training. Stop it and quit? Its best epoch so far is kept, and you can resume the run later from the Train workspace.</source>
        <translation>模型正在训练。要停止训练并退出吗？目前最佳的轮次会被保留，之后可以在“训练”工作区中继续此训练运行。</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>A model is training in this project. Stop it in the Train workspace first; it can be resumed later.</source>
        <translation>此项目中正在训练模型。请先在“训练”工作区中停止训练；之后可以继续。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>&amp;Classify</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tagwise %1&lt;/h3&gt;&lt;p&gt;Multi-label image classification on your own machine: tag images, train a model, see where it errs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys:&lt;/b&gt; 1–9 toggle the first tags on the selected images · Space marks them reviewed · arrows, Page Up/Down, Home and End move · Ctrl+A selects every image shown · Ctrl+Z / Ctrl+Shift+Z undo and redo.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Engine:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Trains on:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Data-parallel:&lt;/b&gt; %4&lt;br&gt;%5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tagwise %1&lt;/h3&gt;&lt;p&gt;在您自己的计算机上进行多标签图像分类：标记图像、训练模型、查看模型在哪里出错。&lt;/p&gt;&lt;p&gt;&lt;b&gt;按键：&lt;/b&gt;1–9 在所选图像上切换前几个标签 · 空格键将其标记为已审核 · 方向键、Page Up/Down、Home 和 End 用于移动 · Ctrl+A 选择所有显示的图像 · Ctrl+Z / Ctrl+Shift+Z 撤销和重做。&lt;/p&gt;&lt;p&gt;&lt;b&gt;引擎：&lt;/b&gt;%2&lt;br&gt;&lt;b&gt;训练设备：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;数据并行：&lt;/b&gt;%4&lt;br&gt;%5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tagwise::MergeTagsCommand</name>
    <message>
        <source>Merge &quot;%1&quot; into &quot;%2&quot;</source>
        <translation>将“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>tagwise::ProbabilityBar</name>
    <message>
        <source>probability %1, threshold %2</source>
        <translation>概率 %1，阈值 %2</translation>
    </message>
</context>
<context>
    <name>tagwise::ProblemsDialog</name>
    <message>
        <source>Import Problems</source>
        <translation>导入问题</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>tagwise::ProjectEditor</name>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
</context>
<context>
    <name>tagwise::ReviewWorkspace</name>
    <message>
        <source>save thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>images that have the tag</source>
        <translation>带有该标签的图像</translation>
    </message>
    <message>
        <source>average precision: the area under the precision-recall curve</source>
        <translation>平均精度：精确率-召回率曲线下的面积</translation>
    </message>
    <message>
        <source>true positives</source>
        <translation>真阳性</translation>
    </message>
    <message>
        <source>false positives</source>
        <translation>假阳性</translation>
    </message>
    <message>
        <source>false negatives</source>
        <translation>假阴性</translation>
    </message>
    <message>
        <source>true negatives</source>
        <translation>真阴性</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>正样本数</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>FP</source>
        <translation>FP</translation>
    </message>
    <message>
        <source>FN</source>
        <translation>FN</translation>
    </message>
    <message>
        <source>TN</source>
        <translation>TN</translation>
    </message>
    <message>
        <source>Validation images</source>
        <translation>验证图像</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Sets the threshold of every tag</source>
        <translation>设置所有标签的阈值</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Per tag, the threshold that maximises F-beta on the validation images</source>
        <translation>为每个标签选取在验证图像上使 F-beta 最大的阈值</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Back to the thresholds saved in the model</source>
        <translation>恢复为模型中保存的阈值</translation>
    </message>
    <message>
        <source>Save Thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Write these thresholds into the model, for Classify and predictions (undoable)</source>
        <translation>将这些阈值写入模型，供“分类”和预测使用（可撤销）</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练运行：</translation>
    </message>
    <message>
        <source>All thresholds:</source>
        <translation>所有阈值：</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per tag&lt;/b&gt;: rows are the truth (without, with the tag), columns the prediction (no, yes); each cell shows its count and its share of the row.</source>
        <translation>&lt;b&gt;按标签&lt;/b&gt;：行为真实标注（无、有该标签），列为预测（否、是）；每个单元格显示其数量及占该行的比例。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tag by tag&lt;/b&gt;: of the images that have the tag of the row, the share for which the tag of the column is predicted. Off the diagonal: the tags the model mixes up.</source>
        <translation>&lt;b&gt;标签对标签&lt;/b&gt;：在带有该行标签的图像中，被预测为该列标签的比例。对角线以外：模型混淆的标签。</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>误判</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>predicted probability</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>without the tag</source>
        <translation>不含该标签</translation>
    </message>
    <message>
        <source>with the tag</source>
        <translation>含有该标签</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>假阳性</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>假阴性</translation>
    </message>
    <message>
        <source>Click an image to see where the model looks.</source>
        <translation>点击图像，查看模型关注的区域。</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Grad-CAM++</source>
        <translation>Grad-CAM++</translation>
    </message>
    <message>
        <source>Opacity of the heat map</source>
        <translation>热力图的不透明度</translation>
    </message>
    <message>
        <source>Heat map of</source>
        <translation>热力图对应标签</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Has the tag</source>
        <translation>含有标签</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Tick or clear a tag to fix the image&apos;s labels in the project (undoable)</source>
        <translation>勾选或取消勾选标签，以修正该图像在项目中的标注（可撤销）</translation>
    </message>
    <message>
        <source>The project has no test images</source>
        <translation>项目中没有测试图像</translation>
    </message>
    <message>
        <source>Loading the predictions…</source>
        <translation>正在加载预测结果…</translation>
    </message>
    <message>
        <source>The predictions could not be read.</source>
        <translation>无法读取预测结果。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>No run of this project has a model yet: train one first.</source>
        <translation>此项目的训练运行都还没有模型：请先训练一个。</translation>
    </message>
    <message numerus="yes">
        <source>%n images, weights of epoch %1</source>
        <translation>
            <numerusform>%n 张图像，第 %1 轮的权重</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scored against labels changed since training</source>
        <translation>
            <numerusform>其中 %n 张依据训练后更改过的标注进行评估</numerusform>
        </translation>
    </message>
    <message>
        <source>F%1 (samples) &lt;b&gt;%2&lt;/b&gt; · micro F1 &lt;b&gt;%3&lt;/b&gt; · macro F1 &lt;b&gt;%4&lt;/b&gt; · mAP &lt;b&gt;%5&lt;/b&gt; · Hamming loss &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>F%1（按样本）&lt;b&gt;%2&lt;/b&gt; · 微平均 F1 &lt;b&gt;%3&lt;/b&gt; · 宏平均 F1 &lt;b&gt;%4&lt;/b&gt; · mAP &lt;b&gt;%5&lt;/b&gt; · 汉明损失 &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %n images have it</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 张图像中有 %2 张带有此标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Tune Thresholds</source>
        <translation>调整阈值</translation>
    </message>
    <message>
        <source>Thresholds tuned on the validation images: F-beta here %1 → %2</source>
        <translation>已在验证图像上调整阈值：此处的 F-beta %1 → %2</translation>
    </message>
    <message>
        <source>Thresholds saved into the model</source>
        <translation>阈值已保存到模型中</translation>
    </message>
    <message numerus="yes">
        <source>%1 images; the %n most confident shown</source>
        <translation>
            <numerusform>共 %1 张图像；显示置信度最高的 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix Tags</source>
        <translation>修正标签</translation>
    </message>
    <message>
        <source>%1: the image or the tag &apos;%2&apos; is no longer in the project</source>
        <translation>%1：图像或标签“%2”已不在项目中</translation>
    </message>
</context>
<context>
    <name>tagwise::RunListModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Best F-beta</source>
        <translation>最佳 F-beta</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>settings not recorded</source>
        <translation>未记录设置</translation>
    </message>
    <message>
        <source>Run %1, in %2
%3</source>
        <translation>训练运行 %1，位于 %2
%3</translation>
    </message>
    <message>
        <source>%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, with augmentation</source>
        <translation>%1，%2 像素，%3 轮，批大小 %4，学习率 %5，调度 %6，使用数据增强</translation>
    </message>
    <message>
        <source>%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, no augmentation</source>
        <translation>%1，%2 像素，%3 轮，批大小 %4，学习率 %5，调度 %6，不使用数据增强</translation>
    </message>
</context>
<context>
    <name>tagwise::SetReviewedCommand</name>
    <message>
        <source>Mark %1 reviewed</source>
        <translation>将 %1 标记为已审核</translation>
    </message>
    <message>
        <source>Mark %1 not reviewed</source>
        <translation>将 %1 标记为未审核</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
</context>
<context>
    <name>tagwise::SetTagCommand</name>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
    </message>
    <message>
        <source>Set &quot;%1&quot; on %2</source>
        <translation>为 %2 设置“%1”</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from %2</source>
        <translation>从 %2 移除“%1”</translation>
    </message>
</context>
<context>
    <name>tagwise::StoreCommand</name>
    <message>
        <source>The project of &quot;%1&quot; is closed.</source>
        <translation>“%1”所属的项目已关闭。</translation>
    </message>
</context>
<context>
    <name>tagwise::TagConfusionView</name>
    <message>
        <source>Of the %1 images that have &lt;b&gt;%2&lt;/b&gt;, %3 get &lt;b&gt;%4&lt;/b&gt; predicted (%5%).</source>
        <translation>在带有 &lt;b&gt;%2&lt;/b&gt; 的 %1 张图像中，有 %3 张被预测为 &lt;b&gt;%4&lt;/b&gt;（%5%）。</translation>
    </message>
</context>
<context>
    <name>tagwise::TagPanel</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新标签…</translation>
    </message>
    <message>
        <source>Add a tag with this name</source>
        <translation>添加使用此名称的标签</translation>
    </message>
    <message>
        <source>Press %1 to toggle this tag</source>
        <translation>按 %1 切换此标签</translation>
    </message>
    <message>
        <source>No tags yet.
Type a name below and press Enter.</source>
        <translation>还没有标签。
在下方输入名称并按回车键。</translation>
    </message>
    <message>
        <source>Open a folder to start tagging.</source>
        <translation>打开一个文件夹以开始标记。</translation>
    </message>
    <message>
        <source>Selected images with this tag: %1 of %2</source>
        <translation>带有此标签的所选图像：%1 / %2</translation>
    </message>
    <message>
        <source>Select images to tag them</source>
        <translation>选择图像以进行标记</translation>
    </message>
    <message>
        <source>Select images to tag them.</source>
        <translation>选择图像以进行标记。</translation>
    </message>
    <message>
        <source>Tags of the selected image</source>
        <translation>所选图像的标签</translation>
    </message>
    <message>
        <source>Tags of %1 selected images</source>
        <translation>%1 张所选图像的标签</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Shortcut…</source>
        <translation>快捷键(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into</source>
        <translation>合并到(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Colour of &quot;%1&quot;</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>Shortcut of &quot;%1&quot;</source>
        <translation>“%1”的快捷键</translation>
    </message>
    <message>
        <source>No Shortcut</source>
        <translation>无快捷键</translation>
    </message>
    <message>
        <source>Press the key that toggles this tag on the selected images.</source>
        <translation>请按下用于在所选图像上切换此标签的键。</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete the tag &quot;%1&quot;? Images that lose it: %2. You can undo this.</source>
        <translation>删除标签“%1”？将失去此标签的图像：%2。此操作可以撤销。</translation>
    </message>
    <message>
        <source>Suggested by a model on %1 of them: Space confirms, a click clears it</source>
        <translation>其中 %1 张为模型建议：空格键确认，单击则清除</translation>
    </message>
</context>
<context>
    <name>tagwise::ThumbnailDelegate</name>
    <message>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>Cannot read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>tagwise::ThumbnailLoader</name>
    <message>
        <source>%1: cannot read the thumbnail: %2</source>
        <translation>%1：无法读取缩略图：%2</translation>
    </message>
    <message>
        <source>%1: no thumbnail could be made</source>
        <translation>%1：无法生成缩略图</translation>
    </message>
</context>
<context>
    <name>tagwise::TrainWorkspace</name>
    <message>
        <source>about %1 s left</source>
        <translation>剩余约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>剩余约 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>剩余约 %1 小时</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>未在训练</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Sweep the learning rate for a few batches and plot the loss against it</source>
        <translation>在几个批次内扫描学习率，并绘制损失随学习率变化的曲线</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <source>lower on plateau</source>
        <translation>平台期降低</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>light (flips, shifts)</source>
        <translation>轻度（翻转、平移）</translation>
    </message>
    <message>
        <source>standard (+ warps, colour)</source>
        <translation>标准（+ 形变、颜色）</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>bfloat16 on the CPU</source>
        <translation>在 CPU 上使用 bfloat16</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>高级设置</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Warm-up epochs (cosine)</source>
        <translation>预热轮数（余弦）</translation>
    </message>
    <message>
        <source>F-beta&apos;s beta</source>
        <translation>F-beta 的 beta 值</translation>
    </message>
    <message>
        <source>never stop early</source>
        <translation>从不提前停止</translation>
    </message>
    <message>
        <source>Stop after epochs without progress</source>
        <translation>无进展多少轮后停止</translation>
    </message>
    <message>
        <source>Weigh rare tags up</source>
        <translation>提高稀有标签的权重</translation>
    </message>
    <message>
        <source>Class weighting</source>
        <translation>类别加权</translation>
    </message>
    <message>
        <source>Tune each tag&apos;s threshold</source>
        <translation>为每个标签调整阈值</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Weight average (decay)</source>
        <translation>权重滑动平均（衰减率）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Recommended Settings</source>
        <translation>推荐设置</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current batch; the best epoch so far is kept and the run can be resumed</source>
        <translation>在当前批次结束后停止；目前最佳的轮次会被保留，之后可以继续此训练运行</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <source>Tick runs to lay their curves over the current one</source>
        <translation>勾选训练运行，将其曲线叠加到当前曲线上</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <source>Make the selected run&apos;s model the project&apos;s active model, which Review and Classify use</source>
        <translation>将所选训练运行的模型设为项目的活动模型，供“审核”和“分类”使用</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>%1 training and %2 validation images, %3 tags; %4 test images held out for Review.</source>
        <translation>训练图像 %1 张，验证图像 %2 张，标签 %3 个；另有 %4 张测试图像留给“审核”使用。</translation>
    </message>
    <message numerus="yes">
        <source>%n images cannot be read and will be left out:</source>
        <translation>
            <numerusform>%n 张图像无法读取，将被跳过：</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>可以开始训练。</translation>
    </message>
    <message>
        <source>this CPU has no native bfloat16: float32 is as fast here</source>
        <translation>此 CPU 不原生支持 bfloat16：在这里 float32 一样快</translation>
    </message>
    <message>
        <source>Your choice; recommended: %1.</source>
        <translation>您的选择；推荐值：%1。</translation>
    </message>
    <message>
        <source>Training cannot start</source>
        <translation>无法开始训练</translation>
    </message>
    <message numerus="yes">
        <source>%n images cannot be read and will be left out.</source>
        <translation>
            <numerusform>%n 张图像无法读取，将被跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>These things will weaken the model:</source>
        <translation>以下问题会削弱模型：</translation>
    </message>
    <message>
        <source>Go On</source>
        <translation>仍然继续</translation>
    </message>
    <message numerus="yes">
        <source>Decoding %n images…</source>
        <translation>
            <numerusform>正在解码 %n 张图像…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>将在此批次结束后停止…</translation>
    </message>
    <message>
        <source>The run cannot be resumed</source>
        <translation>无法继续此训练运行</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>正在继续…</translation>
    </message>
    <message>
        <source>Sweeping the learning rate…</source>
        <translation>正在扫描学习率…</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>batch %1 of %2</source>
        <translation>批次 %1 / %2</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>%1 张图像/秒</translation>
    </message>
    <message>
        <source>Epoch %1: validation F-beta %2</source>
        <translation>第 %1 轮：验证 F-beta %2</translation>
    </message>
    <message>
        <source>The sweep failed</source>
        <translation>学习率扫描失败</translation>
    </message>
    <message>
        <source>The learning-rate sweep failed</source>
        <translation>学习率扫描失败</translation>
    </message>
    <message>
        <source>Finished: best epoch %1, validation F-beta %2 (with tuned thresholds %3)</source>
        <translation>已完成：最佳轮次 %1，验证 F-beta %2（使用调整后的阈值：%3）</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epochs; Resume continues the run.</source>
        <translation>
            <numerusform>已在 %n 轮后停止；点击“继续”可继续此训练运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>删除训练运行</translation>
    </message>
    <message>
        <source>Delete run %1 and its model? Its folder is removed; this cannot be undone.</source>
        <translation>删除训练运行 %1 及其模型？其文件夹将被移除；此操作无法撤销。</translation>
    </message>
    <message>
        <source>The run was not deleted</source>
        <translation>训练运行未被删除</translation>
    </message>
    <message>
        <source>The active model was not changed</source>
        <translation>活动模型未更改</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Fits %1: %2</source>
        <translation>适用于 %1：%2</translation>
    </message>
    <message>
        <source>Does not fit %1: %2</source>
        <translation>不适用于 %1：%2</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Start from weights you have: a .safetensors file or a PyTorch file saved with torch.save(model.state_dict()), with torchvision&apos;s names (e.g. resnet50), or weights exported from another run</source>
        <translation>从已有的权重开始：.safetensors 文件，或用 torch.save(model.state_dict()) 保存、采用 torchvision 命名（如 resnet50）的 PyTorch 文件，或从其他训练运行导出的权重</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Start from random weights</source>
        <translation>从随机权重开始</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起始权重</translation>
    </message>
    <message>
        <source>frozen for the first epoch, then trains at a tenth of the rate</source>
        <translation>第一个周期冻结，之后以十分之一的学习率训练</translation>
    </message>
    <message>
        <source>frozen for the whole run (only the head learns)</source>
        <translation>整个训练过程中冻结（仅训练输出层）</translation>
    </message>
    <message>
        <source>trains from the start, at a tenth of the rate</source>
        <translation>从一开始就训练，学习率为十分之一</translation>
    </message>
    <message>
        <source>trains from the start, at the full rate</source>
        <translation>从一开始就以完整学习率训练</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>主干网络</translation>
    </message>
    <message>
        <source>Pretrained Weights</source>
        <translation>预训练权重</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth *.bin);;All files (*)</source>
        <translation>权重 (*.safetensors *.pt *.pth *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>随机权重</translation>
    </message>
    <message>
        <source>Nothing is downloaded: choose a weights file you have to fine-tune a pretrained network.</source>
        <translation>不会下载任何内容：选择您已有的权重文件，以微调预训练网络。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Inputs are normalised as the weights expect: ImageNet&apos;s statistics, or those of the run that exported them.</source>
        <translation>输入按权重的预期进行归一化：使用 ImageNet 的统计值，或导出这些权重的训练运行的统计值。</translation>
    </message>
    <message>
        <source>The share of the network&apos;s own dropout that training uses: 1 as the network is built, off for none. Prediction never drops.</source>
        <translation>训练时使用的网络自身 dropout 的比例：1 表示按网络设计使用，关闭表示不使用。预测时从不丢弃。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1, weight decay %2</source>
        <translation>%1，权重衰减 %2</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two reasons for one setting</comment>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors loaded from %1</source>
        <translation>
            <numerusform>已从 %1 加载 %n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>; new head for these tags: %1</source>
        <translation>；为这些标签新建的输出层：%1</translation>
    </message>
    <message>
        <source>; not used: %1</source>
        <translation>；未使用：%1</translation>
    </message>
</context>
<context>
    <name>tagwise::TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>batch loss, smoothed</source>
        <translation>批次损失（平滑）</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>F-beta</source>
        <translation>F-beta</translation>
    </message>
    <message>
        <source>F-beta (samples)</source>
        <translation>F-beta（按样本）</translation>
    </message>
    <message>
        <source>micro F1</source>
        <translation>微平均 F1</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <source>mean average precision</source>
        <translation>平均精度均值（mAP）</translation>
    </message>
    <message>
        <source>Smoothing of the batch loss (as TensorBoard&apos;s)</source>
        <translation>批次损失的平滑程度（与 TensorBoard 的相同）</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>平滑 %1</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>验证：</translation>
    </message>
    <message>
        <source>F-beta of %1</source>
        <translation>%1 的 F-beta</translation>
    </message>
    <message>
        <source>%1: validation loss</source>
        <translation>%1：验证损失</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1
epoch %2: %3</source>
        <translation>%1
轮次 %2：%3</translation>
    </message>
    <message>
        <source>Export the Plots</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export the Curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>tagwise::workflow::DataCheck</name>
    <message>
        <source>The project has no tags: add tags and tick them on some images.</source>
        <translation>项目中没有标签：请添加标签，并在一些图像上勾选它们。</translation>
    </message>
    <message>
        <source>Only %1 tagged or reviewed images are in the training split; training needs at least 2.</source>
        <translation>训练集中只有 %1 张已标记或已审核的图像；训练至少需要 2 张。</translation>
    </message>
    <message>
        <source>No tagged or reviewed image is in the validation split: it picks the best epoch and the thresholds. Tag more images (about one in ten lands in validation).</source>
        <translation>验证集中没有已标记或已审核的图像，而验证集用于选出最佳轮次和阈值。请标记更多图像（大约每十张中有一张会分到验证集）。</translation>
    </message>
    <message>
        <source>No training image has these tags, so the model cannot learn them: %1.</source>
        <translation>没有训练图像带有这些标签，因此模型无法学习它们：%1。</translation>
    </message>
    <message>
        <source>These tags have fewer than %1 training images, too few to learn well: %2.</source>
        <translation>这些标签的训练图像少于 %1 张，太少，难以学好：%2。</translation>
    </message>
    <message>
        <source>No validation image has these tags, so their thresholds stay at 0.5 and their scores say nothing: %1.</source>
        <translation>没有验证图像带有这些标签，因此它们的阈值保持为 0.5，其得分也没有参考价值：%1。</translation>
    </message>
    <message>
        <source>%1 images are left out: nobody tagged or reviewed them, or their files are missing. Mark an image reviewed (Space) to train on it as having none of the tags.</source>
        <translation>%1 张图像被排除：这些图像既未标记也未审核，或者文件缺失。将图像标记为已审核（空格键）后，它会作为不含任何标签的图像参与训练。</translation>
    </message>
    <message>
        <source>%1: the file is gone</source>
        <translation>%1：文件已不存在</translation>
    </message>
    <message>
        <source>%1: not an image this program reads%2</source>
        <translation>%1：不是本程序能读取的图像%2</translation>
    </message>
    <message>
        <source>%1: %2 images are not supported</source>
        <translation>%1：不支持 %2 图像</translation>
    </message>
    <message>
        <source>%1 images are left out until a person reviews them: a model suggested their tags. Show them in the Label workspace (Suggested by a model), fix the tags, and mark them reviewed (Space).</source>
        <translation>%1 张图像在有人审核之前不参与训练：它们的标签由模型建议。请在标注工作区（模型建议）中显示它们，修正标签，并将其标记为已审核（空格键）。</translation>
    </message>
</context>
<context>
    <name>tagwise::workflow::TrainingSession</name>
    <message>
        <source>no GPU (CUDA is not available)</source>
        <translation>无 GPU（CUDA 不可用）</translation>
    </message>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU，1 个线程</translation>
    </message>
    <message>
        <source>CPU, %1 threads</source>
        <translation>CPU，%1 个线程</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
</context>
</TS>

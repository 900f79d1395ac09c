<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1: Speichern fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: Lesen fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1: Der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: image outside any class folder</source>
        <translation>%1: Das Bild liegt in keinem Klassenordner</translation>
    </message>
    <message>
        <source>%1: the folder name gives no tag; its images were not read</source>
        <translation>%1: Der Ordnername ergibt kein Tag; seine Bilder wurden nicht gelesen</translation>
    </message>
    <message>
        <source>%1: a folder inside a class folder is not read</source>
        <translation>%1: Ein Ordner innerhalb eines Klassenordners wird nicht gelesen</translation>
    </message>
    <message>
        <source>%1: not an image file</source>
        <translation>%1: Keine Bilddatei</translation>
    </message>
    <message>
        <source>%1: the export folder lies inside the project %2, whose next scan would take the copies for new images</source>
        <translation>%1: Der Exportordner liegt im Projekt %2, dessen nächstes Einlesen die Kopien für neue Bilder halten würde</translation>
    </message>
    <message>
        <source>%1: tag &quot;%2&quot; cannot be a folder name</source>
        <translation>%1: Das Tag „%2“ kann kein Ordnername sein</translation>
    </message>
    <message>
        <source>%1: %2 and %3 would both be exported as %4</source>
        <translation>%1: %2 und %3 würden beide als %4 exportiert</translation>
    </message>
    <message>
        <source>%1: cannot create the folder %2</source>
        <translation>%1: Der Ordner %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>not an array</source>
        <translation>kein Array</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a non-empty string</source>
        <translation>„%1“ ist keine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: Öffnen fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1:%2: JSON error at byte %3: %4</source>
        <translation>%1:%2: JSON-Fehler bei Byte %3: %4</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>duplicate category id %1</source>
        <translation>doppelte Kategorie-ID %1</translation>
    </message>
    <message>
        <source>duplicate image id %1</source>
        <translation>doppelte Bild-ID %1</translation>
    </message>
    <message>
        <source>unknown image_id %1</source>
        <translation>unbekannte image_id %1</translation>
    </message>
    <message>
        <source>unknown category_id %1</source>
        <translation>unbekannte category_id %1</translation>
    </message>
    <message>
        <source>%1:%2: not valid UTF-8 text (save the file as UTF-8)</source>
        <translation>%1:%2: kein gültiger UTF-8-Text (speichern Sie die Datei als UTF-8)</translation>
    </message>
    <message>
        <source>unterminated quoted field</source>
        <translation>nicht abgeschlossenes Feld in Anführungszeichen</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>unerwarteter Text nach einem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <source>truncated header</source>
        <translation>unvollständiger Dateikopf</translation>
    </message>
    <message>
        <source>JPEG without a frame header</source>
        <translation>JPEG ohne Frame-Header</translation>
    </message>
    <message>
        <source>BigTIFF is not supported</source>
        <translation>BigTIFF wird nicht unterstützt</translation>
    </message>
    <message>
        <source>not a TIFF file</source>
        <translation>keine TIFF-Datei</translation>
    </message>
    <message>
        <source>WebP with a bad VP8 frame</source>
        <translation>WebP mit fehlerhaftem VP8-Frame</translation>
    </message>
    <message>
        <source>WebP with a bad VP8L signature</source>
        <translation>WebP mit fehlerhafter VP8L-Signatur</translation>
    </message>
    <message>
        <source>WebP with an unknown chunk</source>
        <translation>WebP mit unbekanntem Chunk</translation>
    </message>
    <message>
        <source>JPEG 2000 codestream without a SIZ segment</source>
        <translation>JPEG-2000-Codestream ohne SIZ-Segment</translation>
    </message>
    <message>
        <source>JPEG 2000 box of length %1 at byte %2</source>
        <translation>JPEG-2000-Box der Länge %1 bei Byte %2</translation>
    </message>
    <message>
        <source>JPEG 2000 file without an image header box</source>
        <translation>JPEG-2000-Datei ohne Image-Header-Box</translation>
    </message>
    <message>
        <source>PNM header with an unexpected character</source>
        <translation>PNM-Dateikopf mit unerwartetem Zeichen</translation>
    </message>
    <message>
        <source>not an image format whose size can be read (PNG, JPEG, BMP, TIFF, WebP, JPEG 2000, PNM)</source>
        <translation>kein Bildformat, dessen Größe gelesen werden kann (PNG, JPEG, BMP, TIFF, WebP, JPEG 2000, PNM)</translation>
    </message>
    <message>
        <source>invalid image size %1x%2</source>
        <translation>ungültige Bildgröße %1x%2</translation>
    </message>
    <message>
        <source>%1: cannot read the image size: %2</source>
        <translation>%1: Die Bildgröße kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the images folder does not exist</source>
        <translation>%1: Der Bildordner existiert nicht</translation>
    </message>
    <message>
        <source>empty image name</source>
        <translation>leerer Bildname</translation>
    </message>
    <message>
        <source>image outside the images folder %1: %2</source>
        <translation>Bild außerhalb des Bildordners %1: %2</translation>
    </message>
    <message>
        <source>image not found: %1</source>
        <translation>Bild nicht gefunden: %1</translation>
    </message>
    <message>
        <source>not an image file: %1</source>
        <translation>keine Bilddatei: %1</translation>
    </message>
    <message>
        <source>%1:1: empty file (expected a header such as &quot;image_path,tagA,tagB&quot;)</source>
        <translation>%1:1: leere Datei (erwartet wird eine Kopfzeile wie „image_path,tagA,tagB“)</translation>
    </message>
    <message>
        <source>bad header: expected &quot;image_path&quot; and at least one tag column, found &quot;%1&quot;</source>
        <translation>fehlerhafte Kopfzeile: „image_path“ und mindestens eine Tag-Spalte erwartet, „%1“ gefunden</translation>
    </message>
    <message>
        <source>bad header: the first column has no name</source>
        <translation>fehlerhafte Kopfzeile: Die erste Spalte hat keinen Namen</translation>
    </message>
    <message>
        <source>bad header: &quot;%1&quot; is an image; the first line must name the columns</source>
        <translation>fehlerhafte Kopfzeile: „%1“ ist ein Bild; die erste Zeile muss die Spalten benennen</translation>
    </message>
    <message>
        <source>bad header: column %1 has no tag name</source>
        <translation>fehlerhafte Kopfzeile: Spalte %1 hat keinen Tag-Namen</translation>
    </message>
    <message>
        <source>bad header: tag column &quot;%1&quot; appears twice</source>
        <translation>fehlerhafte Kopfzeile: Die Tag-Spalte „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>wrong column count: expected %1, found %2</source>
        <translation>falsche Spaltenanzahl: %1 erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>column &quot;%1&quot;: &quot;%2&quot; is not 0 or 1</source>
        <translation>Spalte „%1“: „%2“ ist weder 0 noch 1</translation>
    </message>
    <message>
        <source>%1:1: empty file (expected a header such as &quot;image_name,tags&quot;)</source>
        <translation>%1:1: leere Datei (erwartet wird eine Kopfzeile wie „image_name,tags“)</translation>
    </message>
    <message>
        <source>bad header: expected two column names such as &quot;image_name,tags&quot;, found &quot;%1&quot;</source>
        <translation>fehlerhafte Kopfzeile: zwei Spaltennamen wie „image_name,tags“ erwartet, „%1“ gefunden</translation>
    </message>
    <message>
        <source>wrong column count: expected 2, found %1</source>
        <translation>falsche Spaltenanzahl: 2 erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>%1: the images folder does not lie inside the project folder %2</source>
        <translation>%1: Der Bildordner liegt nicht im Projektordner %2</translation>
    </message>
    <message>
        <source>%1: the image &quot;%2&quot; does not lie inside the project folder %3</source>
        <translation>%1: Das Bild „%2“ liegt nicht im Projektordner %3</translation>
    </message>
    <message>
        <source>%1: tag &quot;%2&quot; renamed to &quot;%3&quot; (a tag name cannot contain spaces or commas)</source>
        <translation>%1: Tag „%2“ in „%3“ umbenannt (ein Tag-Name darf keine Leerzeichen oder Kommas enthalten)</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1: existiert bereits und ist kein Ordner</translation>
    </message>
    <message>
        <source>%1: the folder is not empty (export into a new or empty folder)</source>
        <translation>%1: Der Ordner ist nicht leer (exportieren Sie in einen neuen oder leeren Ordner)</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot create a temporary folder: %2</source>
        <translation>%1: Es kann kein temporärer Ordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot replace the empty folder</source>
        <translation>%1: Der leere Ordner kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>%1: cannot move the export into place from %2</source>
        <translation>%1: Der Export kann nicht von %2 an seinen Zielort verschoben werden</translation>
    </message>
    <message>
        <source>XML error: %1</source>
        <translation>XML-Fehler: %1</translation>
    </message>
    <message>
        <source>no XML element</source>
        <translation>kein XML-Element</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, expected &lt;annotation&gt;</source>
        <translation>das Wurzelelement ist &lt;%1&gt;, erwartet wird &lt;annotation&gt;</translation>
    </message>
    <message>
        <source>empty &lt;filename&gt;</source>
        <translation>leeres &lt;filename&gt;</translation>
    </message>
    <message>
        <source>&lt;object&gt; without a &lt;name&gt;</source>
        <translation>&lt;object&gt; ohne &lt;name&gt;</translation>
    </message>
    <message>
        <source>&lt;annotation&gt; without a &lt;filename&gt;</source>
        <translation>&lt;annotation&gt; ohne &lt;filename&gt;</translation>
    </message>
    <message>
        <source>%1: %2 and %3 would both be written to %4</source>
        <translation>%1: %2 und %3 würden beide nach %4 geschrieben</translation>
    </message>
    <message>
        <source>%1: cannot create the folder for %2</source>
        <translation>%1: Der Ordner für %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1: kein Ordner</translation>
    </message>
    <message>
        <source>%1: cannot open the project database: %2</source>
        <translation>%1: Die Projektdatenbank kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: the project database is damaged (%2)</source>
        <translation>%1: Die Projektdatenbank ist beschädigt (%2)</translation>
    </message>
    <message>
        <source>%1: made by a newer version of Tagwise (schema %2)</source>
        <translation>%1: von einer neueren Version von Tagwise erstellt (Schema %2)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: cannot start a transaction: %2</source>
        <translation>%1: Es kann keine Transaktion gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot add %2: %3</source>
        <translation>%1: %2 kann nicht hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; exists already</source>
        <translation>Das Tag „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>No tag with id %1</source>
        <translation>Kein Tag mit der ID %1</translation>
    </message>
    <message>
        <source>Cannot merge tag %1 into tag %2</source>
        <translation>Das Tag %1 kann nicht in das Tag %2 zusammengeführt werden</translation>
    </message>
    <message>
        <source>%1: cannot create: %2</source>
        <translation>%1: kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large (ids must stay below 2^53 = 9007199254740992 to be read exactly)</source>
        <translation>„%1“ ist zu groß (IDs müssen unter 2^53 = 9007199254740992 bleiben, um exakt gelesen zu werden)</translation>
    </message>
    <message>
        <source>%1: is inside the project&apos;s own folder %2; export somewhere else</source>
        <translation>%1: liegt im projekteigenen Ordner %2; bitte woandershin exportieren</translation>
    </message>
    <message>
        <source>%1: is an image of the project; an export never overwrites one</source>
        <translation>%1: ist ein Bild des Projekts; ein Export überschreibt nie eines</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>lies in %1, a symbolic link to a folder (the project&apos;s scan does not follow those, as the folder may lie outside the project)</source>
        <translation>liegt in %1, einem symbolischen Link auf einen Ordner (die Projektsuche folgt solchen Links nicht, da der Ordner außerhalb des Projekts liegen kann)</translation>
    </message>
    <message>
        <source>lies outside the project folder</source>
        <translation>liegt außerhalb des Projektordners</translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation>%1: nicht importiert: %2</translation>
    </message>
    <message>
        <source>%1: the image &quot;%2&quot; %3</source>
        <translation>%1: das Bild „%2“ %3</translation>
    </message>
    <message>
        <source>%1: %2: not imported: tag &quot;%3&quot; holds a control character</source>
        <translation>%1: %2: nicht importiert: Tag „%3“ enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>corrupt PNG header (no IHDR chunk)</source>
        <translation>beschädigter PNG-Kopf (kein IHDR-Block)</translation>
    </message>
    <message>
        <source>corrupt PNG header (colour type %1)</source>
        <translation>beschädigter PNG-Kopf (Farbtyp %1)</translation>
    </message>
    <message>
        <source>corrupt JPEG marker segment at byte %1</source>
        <translation>beschädigtes JPEG-Markersegment bei Byte %1</translation>
    </message>
    <message>
        <source>%1: left out: its name is not valid UTF-8 text; rename it</source>
        <translation>%1: ausgelassen: der Name ist kein gültiger UTF-8-Text; bitte umbenennen</translation>
    </message>
    <message>
        <source>an empty path</source>
        <translation>ein leerer Pfad</translation>
    </message>
    <message>
        <source>not a path relative to the project folder</source>
        <translation>kein Pfad relativ zum Projektordner</translation>
    </message>
    <message>
        <source>leaves the project folder or is not a clean path</source>
        <translation>verlässt den Projektordner oder ist kein sauberer Pfad</translation>
    </message>
    <message>
        <source>lies in a hidden folder, or is hidden (&quot;%1&quot;)</source>
        <translation>liegt in einem versteckten Ordner oder ist versteckt („%1“)</translation>
    </message>
    <message>
        <source>a tag needs a name</source>
        <translation>ein Tag braucht einen Namen</translation>
    </message>
    <message>
        <source>a tag name cannot contain spaces or commas</source>
        <translation>ein Tag-Name darf keine Leerzeichen oder Kommas enthalten</translation>
    </message>
    <message>
        <source>a tag name cannot contain control characters or white space (U+%1)</source>
        <translation>ein Tag-Name darf keine Steuer- oder Leerraumzeichen enthalten (U+%1)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the project&apos;s files are read-only</source>
        <translation>die Dateien des Projekts sind schreibgeschützt</translation>
    </message>
    <message>
        <source>a disk input/output error (%1)</source>
        <translation>ein Ein-/Ausgabefehler des Datenträgers (%1)</translation>
    </message>
    <message>
        <source>the project database is damaged (%1)</source>
        <translation>die Projektdatenbank ist beschädigt (%1)</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1: keine Datei</translation>
    </message>
    <message>
        <source>%1: the project database is empty (0 bytes), so its labels are lost; restore it from a backup, or delete it to start the project anew</source>
        <translation>%1: die Projektdatenbank ist leer (0 Bytes), ihre Labels sind also verloren; stellen Sie sie aus einer Sicherung wieder her oder löschen Sie sie, um das Projekt neu zu beginnen</translation>
    </message>
    <message>
        <source>%1: cannot create the project folder (%2)</source>
        <translation>%1: der Projektordner kann nicht angelegt werden (%2)</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>der Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>%1: cannot read the project database: %2</source>
        <translation>%1: die Projektdatenbank kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not a Tagwise project database (it holds no Tagwise tables); it is left as it is</source>
        <translation>%1: keine Tagwise-Projektdatenbank (sie enthält keine Tagwise-Tabellen); sie bleibt unverändert</translation>
    </message>
    <message>
        <source>%1: made by an older version of Tagwise and must be updated, but the project&apos;s files are read-only</source>
        <translation>%1: von einer älteren Tagwise-Version angelegt und muss aktualisiert werden, aber die Dateien des Projekts sind schreibgeschützt</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: the project is open read-only (its files may not be written); the change was not made</source>
        <translation>%1: das Projekt ist schreibgeschützt geöffnet (seine Dateien dürfen nicht geschrieben werden); die Änderung wurde nicht vorgenommen</translation>
    </message>
    <message>
        <source>cannot add %1</source>
        <translation>%1 kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot;: %2</source>
        <translation>Tag „%1“: %2</translation>
    </message>
    <message>
        <source>cannot add tag %1</source>
        <translation>Tag %1 kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>cannot rename tag</source>
        <translation>Tag kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>cannot save a tag</source>
        <translation>ein Tag kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot save</source>
        <translation>kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Tag &quot;%1&quot; of %2: %3</source>
        <translation>Tag „%1“ von %2: %3</translation>
    </message>
    <message>
        <source>%1: a run needs an id and one of the statuses %2</source>
        <translation>%1: ein Trainingslauf braucht eine ID und einen der Status %2</translation>
    </message>
    <message>
        <source>cannot save run %1</source>
        <translation>Trainingslauf %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1: cannot update the project&apos;s tables: %2 (%3)</source>
        <translation>%1: die Tabellen des Projekts können nicht aktualisiert werden: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: cannot save the updated tables: %2</source>
        <translation>%1: die aktualisierten Tabellen können nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1: not a folder of the project for images: %2</source>
        <translation>%1: kein Bildordner des Projekts: %2</translation>
    </message>
    <message>
        <source>%1: the file is gone</source>
        <translation>%1: Die Datei ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>%1: cannot copy it into the project: %2</source>
        <translation>%1: kann nicht ins Projekt kopiert werden: %2</translation>
    </message>
</context>
<context>
    <name>Recommendation</name>
    <message>
        <source>the image sizes are not known; 96 px keeps detail at a modest cost</source>
        <translation>die Bildgrößen sind nicht bekannt; 96 px erhalten Details bei mäßigem Aufwand</translation>
    </message>
    <message>
        <source>the images are %1 px; %2 px keeps training within minutes on this GPU</source>
        <translation>die Bilder haben %1 px; mit %2 px dauert das Training auf dieser GPU nur Minuten</translation>
    </message>
    <message>
        <source>the images are %1 px; %2 px keeps training within minutes on a CPU</source>
        <translation>die Bilder haben %1 px; mit %2 px dauert das Training auf einer CPU nur Minuten</translation>
    </message>
    <message>
        <source>the images&apos; own size (%1 px): nothing is lost or invented</source>
        <translation>die eigene Größe der Bilder (%1 px): nichts geht verloren, nichts wird hinzuerfunden</translation>
    </message>
    <message>
        <source>a GPU and images of %1 px: a residual network has the capacity and the speed for them</source>
        <translation>eine GPU und Bilder von %1 px: ein Residualnetz hat die Kapazität und die Geschwindigkeit dafür</translation>
    </message>
    <message>
        <source>images of %1 px: the small VGG-style network, its first pool halving instead of thirding so that small images keep their detail (measured on Fashion-MNIST at 28 px over 25 epochs: top-1 0.934 against 0.929)</source>
        <translation>Bilder von %1 px: das kleine Netz im VGG-Stil, dessen erstes Pooling halbiert statt drittelt, damit kleine Bilder ihre Details behalten (gemessen auf Fashion-MNIST bei 28 px über 25 Epochen: Top-1 0,934 gegenüber 0,929)</translation>
    </message>
    <message>
        <source>small images: the small VGG-style network trains fastest and measured best here</source>
        <translation>kleine Bilder: das kleine Netz im VGG-Stil trainiert am schnellsten und schnitt hier in Messungen am besten ab</translation>
    </message>
    <message>
        <source>training on the CPU: the small VGG-style network trains fastest and measured best here</source>
        <translation>Training auf der CPU: das kleine Netz im VGG-Stil trainiert am schnellsten und schnitt hier in Messungen am besten ab</translation>
    </message>
    <message>
        <source>this CPU computes bfloat16 natively (AVX512-BF16 or AMX): about 1.6 times faster at equal accuracy</source>
        <translation>diese CPU rechnet bfloat16 nativ (AVX512-BF16 oder AMX): etwa 1,6-mal schneller bei gleicher Genauigkeit</translation>
    </message>
    <message>
        <source>at %1 px the convolutions are too small for bfloat16 to gain (measured no faster at 28 px with a first pool of 3), and float32 is exact</source>
        <translation>bei %1 px sind die Faltungen zu klein, als dass bfloat16 etwas brächte (gemessen: bei 28 px mit einem ersten Pooling von 3 nicht schneller), und float32 ist exakt</translation>
    </message>
    <message>
        <source>mixed precision on the GPU: faster, with the loss kept in float32</source>
        <translation>gemischte Genauigkeit auf der GPU: schneller, der Verlust bleibt in float32</translation>
    </message>
    <message>
        <source>about %1 s an epoch here for %2 images: %3 epochs take about 1 minute</source>
        <translation>hier etwa %1 s je Epoche für %2 Bilder: %3 Epochen dauern etwa 1 Minute</translation>
    </message>
    <message>
        <source>about %1 s an epoch here for %2 images: %3 epochs take about %4 minutes</source>
        <translation>hier etwa %1 s je Epoche für %2 Bilder: %3 Epochen dauern etwa %4 Minuten</translation>
    </message>
    <message>
        <source> (one more would make a long run, whose dropout would not fit in the time)</source>
        <translation> (eine mehr ergäbe einen langen Lauf, dessen Dropout nicht in die Zeit passen würde)</translation>
    </message>
    <message>
        <source> (more seldom pay off)</source>
        <translation> (mehr lohnen sich selten)</translation>
    </message>
    <message>
        <source> (fewer learn too little)</source>
        <translation> (mit weniger lernt das Netz zu wenig)</translation>
    </message>
    <message>
        <source>where SGD&apos;s rate starts its fall (measured on Fashion-MNIST)</source>
        <translation>dort beginnt die Rate von SGD zu fallen (gemessen auf Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Adam&apos;s rate of 1e-3: lower and higher rates did worse in the measured runs</source>
        <translation>die Rate 1e-3 von Adam: niedrigere und höhere Raten schnitten in den gemessenen Läufen schlechter ab</translation>
    </message>
    <message>
        <source>%1 epochs are long enough for the rate to fall to 0 over the run, which settles the weights (measured better from 20 epochs on)</source>
        <translation>%1 Epochen sind lang genug, dass die Rate über den Lauf auf 0 fällt, was die Gewichte zur Ruhe bringt (gemessen besser ab 20 Epochen)</translation>
    </message>
    <message>
        <source>1 epoch is short: the network still learns fast at the end, and a falling rate cost more than it saved (measured)</source>
        <translation>1 Epoche ist kurz: das Netz lernt am Ende noch schnell, und eine fallende Rate kostete mehr, als sie brachte (gemessen)</translation>
    </message>
    <message>
        <source>%1 epochs are short: the network still learns fast at the end, and a falling rate cost more than it saved (measured)</source>
        <translation>%1 Epochen sind kurz: das Netz lernt am Ende noch schnell, und eine fallende Rate kostete mehr, als sie brachte (gemessen)</translation>
    </message>
    <message>
        <source>%1 steps are enough for SGD with Nesterov momentum 0.9 to overtake Adam (measured on Fashion-MNIST over 42,200: top-1 0.936 against 0.934, mAP 0.977 against 0.972)</source>
        <translation>%1 Schritte genügen, damit SGD mit Nesterov-Momentum 0,9 Adam überholt (gemessen auf Fashion-MNIST über 42.200: Top-1 0,936 gegenüber 0,934, mAP 0,977 gegenüber 0,972)</translation>
    </message>
    <message>
        <source>keeps the weights small over a long run of SGD</source>
        <translation>hält die Gewichte über einen langen SGD-Lauf klein</translation>
    </message>
    <message>
        <source>Adam without weight decay starts fastest: over 1 step SGD would still lag (measured)</source>
        <translation>Adam ohne Weight Decay startet am schnellsten: über 1 Schritt läge SGD noch zurück (gemessen)</translation>
    </message>
    <message>
        <source>Adam without weight decay starts fastest: over %1 steps SGD would still lag (measured)</source>
        <translation>Adam ohne Weight Decay startet am schnellsten: über %1 Schritte läge SGD noch zurück (gemessen)</translation>
    </message>
    <message>
        <source>flips and shifts by whole pixels keep %1 epochs from memorising the images, and blur nothing</source>
        <translation>Spiegelungen und Verschiebungen um ganze Pixel halten %1 Epochen davon ab, die Bilder auswendig zu lernen, und verwischen nichts</translation>
    </message>
    <message>
        <source>1 epoch is too few for changed images to pay off; they only slow the learning</source>
        <translation>1 Epoche ist zu wenig, als dass veränderte Bilder sich lohnten; sie verlangsamen nur das Lernen</translation>
    </message>
    <message>
        <source>%1 epochs are too few for changed images to pay off; they only slow the learning</source>
        <translation>%1 Epochen sind zu wenige, als dass veränderte Bilder sich lohnten; sie verlangsamen nur das Lernen</translation>
    </message>
    <message>
        <source>1 step is few: without dropout the network learns faster (measured on mosaics: mAP 0.845 against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)</source>
        <translation>1 Schritt ist wenig: ohne Dropout lernt das Netz schneller (gemessen auf Mosaiken: mAP 0,845 gegenüber 0,800 über 940 Schritte, 0,910 gegenüber 0,871 über 2.820)</translation>
    </message>
    <message>
        <source>%1 steps are few: without dropout the network learns faster (measured on mosaics: mAP 0.845 against 0.800 over 940 steps, 0.910 against 0.871 over 2,820)</source>
        <translation>%1 Schritte sind wenige: ohne Dropout lernt das Netz schneller (gemessen auf Mosaiken: mAP 0,845 gegenüber 0,800 über 940 Schritte, 0,910 gegenüber 0,871 über 2.820)</translation>
    </message>
    <message>
        <source>%1 steps are many: the network&apos;s own dropout keeps it from growing overconfident (measured on Fashion-MNIST over 42,200: mAP 0.972 with it against 0.960 without, top-1 alike)</source>
        <translation>%1 Schritte sind viele: das eigene Dropout des Netzes hält es davon ab, übermäßig selbstsicher zu werden (gemessen auf Fashion-MNIST über 42.200: mAP 0,972 mit gegenüber 0,960 ohne, Top-1 gleich)</translation>
    </message>
    <message>
        <source>each tag&apos;s threshold is chosen on the validation images for the best F-beta</source>
        <translation>der Schwellenwert jedes Tags wird auf den Validierungsbildern für das beste F-beta gewählt</translation>
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
        <translation>CPU, 1 Kern</translation>
    </message>
    <message>
        <source>CPU, %1 cores</source>
        <translation>CPU, %1 Kerne</translation>
    </message>
    <message>
        <source>, bfloat16 in hardware</source>
        <translation>, bfloat16 in Hardware</translation>
    </message>
    <message>
        <source>c10d with Gloo</source>
        <translation>c10d mit Gloo</translation>
    </message>
    <message>
        <source>not built in (no Gloo headers beside this LibTorch)</source>
        <translation>nicht eingebaut (keine Gloo-Header neben dieser LibTorch)</translation>
    </message>
</context>
<context>
    <name>tagwise::AddTagCommand</name>
    <message>
        <source>Add tag &quot;%1&quot;</source>
        <translation>Tag „%1“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>tagwise::AddToProjectDialog</name>
    <message>
        <source>Add 1 Image to the Project</source>
        <translation>1 Bild zum Projekt hinzufügen</translation>
    </message>
    <message>
        <source>Add %1 Images to the Project</source>
        <translation>%1 Bilder zum Projekt hinzufügen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>A folder of the project, made when missing; images already in the project stay where they are</source>
        <translation>Ein Ordner des Projekts, der bei Bedarf angelegt wird; Bilder, die schon im Projekt liegen, bleiben, wo sie sind</translation>
    </message>
    <message>
        <source>Copy into folder:</source>
        <translation>In Ordner kopieren:</translation>
    </message>
    <message>
        <source>Untick what the model got wrong, tick what it missed. The tags are saved as the model&apos;s suggestions: the Label workspace shows them with a &quot;?&quot; (filter: Suggested by a model), and training leaves these images out until a person reviews them (Space).</source>
        <translation>Entfernen Sie die Haken bei dem, was das Modell falsch erkannt hat, und setzen Sie sie bei dem, was es übersehen hat. Die Tags werden als Vorschläge des Modells gespeichert: Der Arbeitsbereich „Beschriften“ zeigt sie mit einem „?“ (Filter: Vom Modell vorgeschlagen), und das Training lässt diese Bilder aus, bis ein Mensch sie prüft (Leertaste).</translation>
    </message>
    <message>
        <source>Add to Project</source>
        <translation>Zum Projekt hinzufügen</translation>
    </message>
</context>
<context>
    <name>tagwise::ClassifyWorkspace</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Predicted tags</source>
        <translation>Vorhergesagte Tags</translation>
    </message>
    <message>
        <source>Highest probability</source>
        <translation>Höchste Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation>Bilder hinzufügen…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Classify the image or the files on the clipboard (Ctrl+V)</source>
        <translation>Das Bild oder die Dateien in der Zwischenablage klassifizieren (Strg+V)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Drop images or folders anywhere on the window to classify them.</source>
        <translation>Ziehen Sie Bilder oder Ordner an eine beliebige Stelle des Fensters, um sie zu klassifizieren.</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>mindestens </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Opacity of the heat map</source>
        <translation>Deckkraft der Heatmap</translation>
    </message>
    <message>
        <source>Heat map of</source>
        <translation>Heatmap für</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Classify Images</source>
        <translation>Bilder klassifizieren</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Classify a Folder</source>
        <translation>Ordner klassifizieren</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no image file</source>
        <translation>Die Zwischenablage enthält weder ein Bild noch eine Bilddatei</translation>
    </message>
    <message>
        <source>Planet CSV, predicted tags (*.csv)</source>
        <translation>Planet-CSV, vorhergesagte Tags (*.csv)</translation>
    </message>
    <message>
        <source>CSV with every probability (*.csv)</source>
        <translation>CSV mit allen Wahrscheinlichkeiten (*.csv)</translation>
    </message>
    <message>
        <source>JSON, as tagwise-cli predict (*.json)</source>
        <translation>JSON, wie von tagwise-cli predict (*.json)</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>Vorhergesagt: %1</translation>
    </message>
    <message>
        <source>%1: the pasted image cannot be saved</source>
        <translation>%1: Das eingefügte Bild kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <source>Train a model first: this project has none yet.</source>
        <translation>Trainieren Sie zuerst ein Modell: Dieses Projekt hat noch keines.</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Wird klassifiziert…</translation>
    </message>
    <message>
        <source>The model cannot be loaded: %1</source>
        <translation>Das Modell kann nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Drop images or folders anywhere on the window to classify them (%1, %n tags).</source>
        <translation>
            <numerusform>Ziehen Sie Bilder oder Ordner an eine beliebige Stelle des Fensters, um sie zu klassifizieren (%1, %n Tag).</numerusform>
            <numerusform>Ziehen Sie Bilder oder Ordner an eine beliebige Stelle des Fensters, um sie zu klassifizieren (%1, %n Tags).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images classified</source>
        <translation>
            <numerusform>%n Bild klassifiziert</numerusform>
            <numerusform>%n Bilder klassifiziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Problem column)</source>
        <translation>
            <numerusform>%n konnte nicht gelesen werden (siehe Spalte „Problem“)</numerusform>
            <numerusform>%n konnten nicht gelesen werden (siehe Spalte „Problem“)</numerusform>
        </translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>Ergebnisse nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Add to Project…</source>
        <translation>Zum Projekt hinzufügen…</translation>
    </message>
    <message>
        <source>Copy the images shown (or the selected ones, when several are) into the project, with the predicted tags as suggestions to review</source>
        <translation>Die angezeigten Bilder (oder die ausgewählten, wenn mehrere ausgewählt sind) ins Projekt kopieren, mit den vorhergesagten Tags als zu prüfende Vorschläge</translation>
    </message>
    <message>
        <source>No readable image to add</source>
        <translation>Kein lesbares Bild zum Hinzufügen</translation>
    </message>
    <message>
        <source>Add to Project</source>
        <translation>Zum Projekt hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add %n images with suggested tags</source>
        <translation>
            <numerusform>%n Bild mit vorgeschlagenen Tags hinzufügen</numerusform>
            <numerusform>%n Bilder mit vorgeschlagenen Tags hinzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images added to the project with the model&apos;s tags as suggestions; the Label workspace lists them under &quot;Suggested by a model&quot;</source>
        <translation>
            <numerusform>%n Bild mit den Tags des Modells als Vorschlägen zum Projekt hinzugefügt; der Arbeitsbereich „Beschriften“ listet es unter „Vom Modell vorgeschlagen“</numerusform>
            <numerusform>%n Bilder mit den Tags des Modells als Vorschlägen zum Projekt hinzugefügt; der Arbeitsbereich „Beschriften“ listet sie unter „Vom Modell vorgeschlagen“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be added:</source>
        <translation>
            <numerusform>%n Bild konnte nicht hinzugefügt werden:</numerusform>
            <numerusform>%n Bilder konnten nicht hinzugefügt werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n images into the project…</source>
        <translation>
            <numerusform>%n Bild wird in das Projekt kopiert…</numerusform>
            <numerusform>%n Bilder werden in das Projekt kopiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>canceled: %n others not added</source>
        <translation>
            <numerusform>abgebrochen: %n weiteres nicht hinzugefügt</numerusform>
            <numerusform>abgebrochen: %n weitere nicht hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to Project canceled: no image was added</source>
        <translation>Zum Projekt hinzufügen abgebrochen: kein Bild wurde hinzugefügt</translation>
    </message>
</context>
<context>
    <name>tagwise::ConfusionGrid</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;true negatives %2, false positives %3&lt;br&gt;false negatives %4, true positives %5&lt;br&gt;rows: truth (without, with); columns: prediction (no, yes)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;richtig Negative %2, falsch Positive %3&lt;br&gt;falsch Negative %4, richtig Positive %5&lt;br&gt;Zeilen: tatsächliche Labels (ohne, mit); Spalten: Vorhersage (nein, ja)</translation>
    </message>
</context>
<context>
    <name>tagwise::DatasetFormat</name>
    <message>
        <source>Planet CSV</source>
        <translation>Planet-CSV</translation>
    </message>
    <message>
        <source>One-hot CSV</source>
        <translation>One-Hot-CSV</translation>
    </message>
    <message>
        <source>Folder per Class</source>
        <translation>Ordner pro Klasse</translation>
    </message>
    <message>
        <source>Pascal VOC</source>
        <translation>Pascal VOC</translation>
    </message>
    <message>
        <source>COCO JSON</source>
        <translation>COCO-JSON</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tagwise::DatasetOverviewDialog</name>
    <message>
        <source>Dataset Overview</source>
        <translation>Datensatz-Übersicht</translation>
    </message>
    <message>
        <source>Images per Tag</source>
        <translation>Bilder pro Tag</translation>
    </message>
    <message>
        <source>Tags per Image</source>
        <translation>Tags pro Bild</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Gemeinsames Auftreten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 tagged</source>
        <translation>%1 mit Tags</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 Tags</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rare tags:&lt;/b&gt; %1.&lt;br&gt;A model learns little from a tag with fewer than %2 images or under %3% of the tagged images; tag more examples or merge it.</source>
        <translation>&lt;b&gt;Seltene Tags:&lt;/b&gt; %1.&lt;br&gt;Aus einem Tag mit weniger als %2 Bildern oder unter %3&#xa0;% der Bilder mit Tags lernt ein Modell wenig; taggen Sie mehr Beispiele oder führen Sie es mit einem anderen Tag zusammen.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Tags on an image</source>
        <translation>Tags auf einem Bild</translation>
    </message>
    <message>
        <source>Images tagged %1: %2</source>
        <translation>Bilder mit dem Tag %1: %2</translation>
    </message>
    <message>
        <source>Images tagged both %1 and %2: %3</source>
        <translation>Bilder mit den Tags %1 und %2: %3</translation>
    </message>
</context>
<context>
    <name>tagwise::DeleteTagCommand</name>
    <message>
        <source>Delete tag &quot;%1&quot;</source>
        <translation>Tag „%1“ löschen</translation>
    </message>
</context>
<context>
    <name>tagwise::EditTagCommand</name>
    <message>
        <source>Rename &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>„%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Recolour &quot;%1&quot;</source>
        <translation>Farbe von „%1“ ändern</translation>
    </message>
    <message>
        <source>Remove the shortcut of &quot;%1&quot;</source>
        <translation>Tastenkürzel von „%1“ entfernen</translation>
    </message>
    <message>
        <source>Set shortcut %2 for &quot;%1&quot;</source>
        <translation>Tastenkürzel %2 für „%1“ festlegen</translation>
    </message>
</context>
<context>
    <name>tagwise::FilterBar</name>
    <message>
        <source>All images</source>
        <translation>Alle Bilder</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>Ohne Tags</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Has tag</source>
        <translation>Tag vorhanden</translation>
    </message>
    <message>
        <source>Lacks tag</source>
        <translation>Tag fehlt</translation>
    </message>
    <message>
        <source>Missing files</source>
        <translation>Fehlende Dateien</translation>
    </message>
    <message>
        <source>Which images to show</source>
        <translation>Welche Bilder angezeigt werden</translation>
    </message>
    <message>
        <source>The tag to filter by</source>
        <translation>Tag, nach dem gefiltert wird</translation>
    </message>
    <message>
        <source>Search file names…</source>
        <translation>Dateinamen suchen…</translation>
    </message>
    <message>
        <source>Apply the filter again (images you just edited may no longer match)</source>
        <translation>Filter erneut anwenden (gerade bearbeitete Bilder passen eventuell nicht mehr)</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
    <message>
        <source>Suggested by a model</source>
        <translation>Vom Modell vorgeschlagen</translation>
    </message>
</context>
<context>
    <name>tagwise::ImageListModel</name>
    <message>
        <source>No tags</source>
        <translation>Keine Tags</translation>
    </message>
    <message>
        <source>The file is missing; its tags are kept.</source>
        <translation>Die Datei fehlt; ihre Tags bleiben erhalten.</translation>
    </message>
    <message>
        <source>Suggested by a model: %1 (Space confirms them)</source>
        <translation>Vom Modell vorgeschlagen: %1 (Leertaste bestätigt sie)</translation>
    </message>
</context>
<context>
    <name>tagwise::ImagePreview</name>
    <message>
        <source>%1: cannot read the image: %2</source>
        <translation>%1: Das Bild kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <source>The file is missing.
Its tags are kept; rescan when it is back.</source>
        <translation>Die Datei fehlt.
Ihre Tags bleiben erhalten; lesen Sie den Ordner neu ein, sobald sie wieder da ist.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>tagwise::LabelingWorkspace</name>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Mark &amp;Reviewed</source>
        <translation>Als &amp;geprüft markieren</translation>
    </message>
    <message>
        <source>Toggle the reviewed mark of the selected images</source>
        <translation>Geprüft-Markierung der ausgewählten Bilder umschalten</translation>
    </message>
    <message>
        <source>&amp;All Images</source>
        <translation>&amp;Alle Bilder</translation>
    </message>
    <message>
        <source>&amp;Untagged</source>
        <translation>&amp;Ohne Tags</translation>
    </message>
    <message>
        <source>&amp;Not Reviewed</source>
        <translation>&amp;Nicht geprüft</translation>
    </message>
    <message>
        <source>&amp;Missing Files</source>
        <translation>&amp;Fehlende Dateien</translation>
    </message>
    <message>
        <source>&amp;Reapply Filter</source>
        <translation>Filter erneut an&amp;wenden</translation>
    </message>
    <message>
        <source>&amp;Search File Names</source>
        <translation>Datei&amp;namen durchsuchen</translation>
    </message>
    <message>
        <source>Dataset &amp;Overview…</source>
        <translation>Datensatz-Ü&amp;bersicht…</translation>
    </message>
    <message>
        <source>&amp;Toggle Tag</source>
        <translation>&amp;Tag umschalten</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Tags</translation>
    </message>
    <message>
        <source>No folder open</source>
        <translation>Kein Ordner geöffnet</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>%1 tagged</source>
        <translation>%1 mit Tags</translation>
    </message>
    <message>
        <source>%1 reviewed</source>
        <translation>%1 geprüft</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message>
        <source>&amp;Suggested by a Model</source>
        <translation>Vom &amp;Modell vorgeschlagen</translation>
    </message>
    <message>
        <source>tags with ? suggested by a model (Space confirms them)</source>
        <translation>Tags mit ? vom Modell vorgeschlagen (Leertaste bestätigt sie)</translation>
    </message>
</context>
<context>
    <name>tagwise::LearningRateDialog</name>
    <message>
        <source>Learning Rate Finder</source>
        <translation>Lernraten-Finder</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>loss (smoothed)</source>
        <translation>Verlust (geglättet)</translation>
    </message>
    <message>
        <source>The loss falls fastest at a learning rate of about %1: a good rate to train at.</source>
        <translation>Der Verlust fällt am schnellsten bei einer Lernrate von etwa %1: ein guter Wert für das Training.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>The loss never fell during the sweep: check the tags, or try a smaller batch.</source>
        <translation>Der Verlust ist während des Suchlaufs nie gesunken: Prüfen Sie die Tags oder versuchen Sie eine kleinere Batchgröße.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
</context>
<context>
    <name>tagwise::MainWindow</name>
    <message>
        <source>The edit was not saved</source>
        <translation>Die Änderung wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Open a folder of images to start tagging.</source>
        <translation>Öffnen Sie einen Bildordner, um mit dem Taggen zu beginnen.</translation>
    </message>
    <message>
        <source>Tagwise keeps its project in a hidden .tagwise folder inside it;
every tag is saved the moment you set it.</source>
        <translation>Tagwise legt sein Projekt in einem versteckten Ordner .tagwise darin ab;
jedes Tag wird gespeichert, sobald Sie es setzen.</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;Rescan</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;About Tagwise</source>
        <translation>Ü&amp;ber Tagwise</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tag Panel</source>
        <translation>&amp;Tag-Leiste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — Tagwise</source>
        <translation>%1 — Tagwise</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Wird eingelesen…</translation>
    </message>
    <message>
        <source>Scanning… %1 found</source>
        <translation>Wird eingelesen… %1 gefunden</translation>
    </message>
    <message>
        <source>Scan canceled. New images added: %1. Missing files were not checked.</source>
        <translation>Einlesen abgebrochen. Neu hinzugefügte Bilder: %1. Fehlende Dateien wurden nicht geprüft.</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>%1 back</source>
        <translation>%1 wieder da</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>%1 verschoben</translation>
    </message>
    <message>
        <source>Scan complete: no changes.</source>
        <translation>Einlesen abgeschlossen: keine Änderungen.</translation>
    </message>
    <message>
        <source>Scan complete: %1.</source>
        <translation>Einlesen abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>The scan could not be saved</source>
        <translation>Das Ergebnis des Einlesens konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Open a folder first: imports go into its project.</source>
        <translation>Öffnen Sie zuerst einen Ordner: Importe gehen in sein Projekt.</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import %1 from %2</source>
        <translation>%1 aus %2 importieren</translation>
    </message>
    <message>
        <source>Imported %1. Images changed: %2.</source>
        <translation>%1 importiert. Geänderte Bilder: %2.</translation>
    </message>
    <message>
        <source>%1 was imported, but these rows could not be used (%2):</source>
        <translation>%1 wurde importiert, aber diese Zeilen waren nicht verwendbar (%2):</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Open a folder first.</source>
        <translation>Öffnen Sie zuerst einen Ordner.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Open Folder of Images</source>
        <translation>Bildordner öffnen</translation>
    </message>
    <message>
        <source>Import %1: the folder holding one folder per tag</source>
        <translation>%1 importieren: der Ordner mit einem Unterordner pro Tag</translation>
    </message>
    <message>
        <source>Import %1: the folder of annotation XML files</source>
        <translation>%1 importieren: der Ordner mit den Annotations-XML-Dateien</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Folder names can hold several tags, e.g. &quot;red_dress&quot;.
Split them at this text (leave empty for one tag per folder):</source>
        <translation>Ordnernamen können mehrere Tags enthalten, z.&#xa0;B. „red_dress“.
An diesem Text trennen (leer lassen für ein Tag pro Ordner):</translation>
    </message>
    <message>
        <source>Folder of the images listed in %1</source>
        <translation>Ordner der in %1 aufgeführten Bilder</translation>
    </message>
    <message>
        <source>Some images already have tags. Should the imported tags replace the tags of the images they list, or be added to them?</source>
        <translation>Einige Bilder haben bereits Tags. Sollen die importierten Tags die Tags der aufgeführten Bilder ersetzen oder zu ihnen hinzugefügt werden?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Export %1: a new or empty folder outside the project</source>
        <translation>%1 exportieren: ein neuer oder leerer Ordner außerhalb des Projekts</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>About Tagwise</source>
        <translation>Über Tagwise</translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation>Keine zuletzt geöffneten Ordner</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <comment>the edit to undo</comment>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <comment>the edit to redo</comment>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>%1 (read-only) — Tagwise</source>
        <translation>%1 (schreibgeschützt) — Tagwise</translation>
    </message>
    <message>
        <source>%1 rows of the project&apos;s database name files outside the project, or in hidden folders. They are left out: Tagwise never reads or exports them.</source>
        <translation>%1 Zeilen der Projektdatenbank nennen Dateien außerhalb des Projekts oder in versteckten Ordnern. Sie werden ausgelassen: Tagwise liest oder exportiert sie nie.</translation>
    </message>
    <message>
        <source>The project&apos;s files are read-only: you can look and export, but not edit.</source>
        <translation>Die Dateien des Projekts sind schreibgeschützt: Sie können ansehen und exportieren, aber nicht bearbeiten.</translation>
    </message>
    <message>
        <source>The scan left out %1 files or folders:</source>
        <translation>Die Suche hat %1 Dateien oder Ordner ausgelassen:</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Beschriften</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>B&amp;eschriften</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>T&amp;rainieren</translation>
    </message>
    <message>
        <source>A Run Is Training</source>
        <translation>Ein Training läuft</translation>
    </message>
    <message>
        <source>A model is training. Stop it and quit? Its best epoch so far is kept, and you can resume the run later from the Train workspace.</source>
        <translation>Ein Modell wird gerade trainiert. Training anhalten und beenden? Die bisher beste Epoche bleibt erhalten, und Sie können den Trainingslauf später im Arbeitsbereich „Trainieren“ fortsetzen.</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Anhalten und beenden</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <source>A model is training in this project. Stop it in the Train workspace first; it can be resumed later.</source>
        <translation>In diesem Projekt wird gerade ein Modell trainiert. Halten Sie das Training zuerst im Arbeitsbereich „Trainieren“ an; es kann später fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <source>&amp;Classify</source>
        <translation>&amp;Klassifizieren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tagwise %1&lt;/h3&gt;&lt;p&gt;Multi-label image classification on your own machine: tag images, train a model, see where it errs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keys:&lt;/b&gt; 1–9 toggle the first tags on the selected images · Space marks them reviewed · arrows, Page Up/Down, Home and End move · Ctrl+A selects every image shown · Ctrl+Z / Ctrl+Shift+Z undo and redo.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Engine:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Trains on:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Data-parallel:&lt;/b&gt; %4&lt;br&gt;%5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tagwise %1&lt;/h3&gt;&lt;p&gt;Multi-Label-Bildklassifikation auf Ihrem eigenen Rechner: Bilder taggen, ein Modell trainieren, sehen, wo es sich irrt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tasten:&lt;/b&gt; 1–9 schalten die ersten Tags der ausgewählten Bilder um · Leertaste markiert sie als geprüft · Pfeiltasten, Bild auf/ab, Pos1 und Ende bewegen · Strg+A wählt alle angezeigten Bilder aus · Strg+Z / Strg+Umschalt+Z machen rückgängig und stellen wieder her.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Engine:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Trainiert auf:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Datenparallel:&lt;/b&gt; %4&lt;br&gt;%5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tagwise::MergeTagsCommand</name>
    <message>
        <source>Merge &quot;%1&quot; into &quot;%2&quot;</source>
        <translation>„%1“ in „%2“ zusammenführen</translation>
    </message>
</context>
<context>
    <name>tagwise::ProbabilityBar</name>
    <message>
        <source>probability %1, threshold %2</source>
        <translation>Wahrscheinlichkeit %1, Schwellenwert %2</translation>
    </message>
</context>
<context>
    <name>tagwise::ProblemsDialog</name>
    <message>
        <source>Import Problems</source>
        <translation>Importprobleme</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>tagwise::ProjectEditor</name>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
</context>
<context>
    <name>tagwise::ReviewWorkspace</name>
    <message>
        <source>save thresholds</source>
        <translation>Schwellenwerte speichern</translation>
    </message>
    <message>
        <source>images that have the tag</source>
        <translation>Bilder, die das Tag haben</translation>
    </message>
    <message>
        <source>average precision: the area under the precision-recall curve</source>
        <translation>Average Precision: die Fläche unter der Precision-Recall-Kurve</translation>
    </message>
    <message>
        <source>true positives</source>
        <translation>richtig Positive</translation>
    </message>
    <message>
        <source>false positives</source>
        <translation>falsch Positive</translation>
    </message>
    <message>
        <source>false negatives</source>
        <translation>falsch Negative</translation>
    </message>
    <message>
        <source>true negatives</source>
        <translation>richtig Negative</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
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
        <translation>Schwellenwert</translation>
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
        <translation>Validierungsbilder</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <source>Sets the threshold of every tag</source>
        <translation>Legt den Schwellenwert aller Tags fest</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>Optimieren</translation>
    </message>
    <message>
        <source>Per tag, the threshold that maximises F-beta on the validation images</source>
        <translation>Für jedes Tag der Schwellenwert, der das F-beta auf den Validierungsbildern maximiert</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the thresholds saved in the model</source>
        <translation>Zurück zu den im Modell gespeicherten Schwellenwerten</translation>
    </message>
    <message>
        <source>Save Thresholds</source>
        <translation>Schwellenwerte speichern</translation>
    </message>
    <message>
        <source>Write these thresholds into the model, for Classify and predictions (undoable)</source>
        <translation>Diese Schwellenwerte für „Klassifizieren“ und Vorhersagen in das Modell schreiben (kann rückgängig gemacht werden)</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Trainingslauf:</translation>
    </message>
    <message>
        <source>All thresholds:</source>
        <translation>Alle Schwellenwerte:</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per tag&lt;/b&gt;: rows are the truth (without, with the tag), columns the prediction (no, yes); each cell shows its count and its share of the row.</source>
        <translation>&lt;b&gt;Pro Tag&lt;/b&gt;: Die Zeilen sind die tatsächlichen Labels (ohne, mit dem Tag), die Spalten die Vorhersage (nein, ja); jede Zelle zeigt ihre Anzahl und ihren Anteil an der Zeile.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tag by tag&lt;/b&gt;: of the images that have the tag of the row, the share for which the tag of the column is predicted. Off the diagonal: the tags the model mixes up.</source>
        <translation>&lt;b&gt;Tag gegen Tag&lt;/b&gt;: Von den Bildern, die das Tag der Zeile haben, der Anteil, für den das Tag der Spalte vorhergesagt wird. Abseits der Diagonale: die Tags, die das Modell verwechselt.</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Verwechslungen</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwellenwert:</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>predicted probability</source>
        <translation>vorhergesagte Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>without the tag</source>
        <translation>ohne das Tag</translation>
    </message>
    <message>
        <source>with the tag</source>
        <translation>mit dem Tag</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>Falsch Positive</translation>
    </message>
    <message>
        <source>False negatives</source>
        <translation>Falsch Negative</translation>
    </message>
    <message>
        <source>Click an image to see where the model looks.</source>
        <translation>Klicken Sie auf ein Bild, um zu sehen, wohin das Modell schaut.</translation>
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
        <translation>Deckkraft der Heatmap</translation>
    </message>
    <message>
        <source>Heat map of</source>
        <translation>Heatmap für</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Has the tag</source>
        <translation>Tag vorhanden</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Tick or clear a tag to fix the image&apos;s labels in the project (undoable)</source>
        <translation>Ein Tag ankreuzen oder das Kreuz entfernen, um die Labels des Bildes im Projekt zu korrigieren (kann rückgängig gemacht werden)</translation>
    </message>
    <message>
        <source>The project has no test images</source>
        <translation>Das Projekt hat keine Testbilder</translation>
    </message>
    <message>
        <source>Loading the predictions…</source>
        <translation>Vorhersagen werden geladen…</translation>
    </message>
    <message>
        <source>The predictions could not be read.</source>
        <translation>Die Vorhersagen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>No run of this project has a model yet: train one first.</source>
        <translation>Noch kein Trainingslauf dieses Projekts hat ein Modell: Trainieren Sie zuerst eines.</translation>
    </message>
    <message numerus="yes">
        <source>%n images, weights of epoch %1</source>
        <translation>
            <numerusform>%n Bild, Gewichte aus Epoche %1</numerusform>
            <numerusform>%n Bilder, Gewichte aus Epoche %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scored against labels changed since training</source>
        <translation>
            <numerusform>%n davon an seit dem Training geänderten Labels gemessen</numerusform>
            <numerusform>%n davon an seit dem Training geänderten Labels gemessen</numerusform>
        </translation>
    </message>
    <message>
        <source>F%1 (samples) &lt;b&gt;%2&lt;/b&gt; · micro F1 &lt;b&gt;%3&lt;/b&gt; · macro F1 &lt;b&gt;%4&lt;/b&gt; · mAP &lt;b&gt;%5&lt;/b&gt; · Hamming loss &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>F%1 (pro Bild) &lt;b&gt;%2&lt;/b&gt; · Mikro-F1 &lt;b&gt;%3&lt;/b&gt; · Makro-F1 &lt;b&gt;%4&lt;/b&gt; · mAP &lt;b&gt;%5&lt;/b&gt; · Hamming-Verlust &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %n images have it</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: auf %2 von %n Bild</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: auf %2 von %n Bildern</numerusform>
        </translation>
    </message>
    <message>
        <source>Tune Thresholds</source>
        <translation>Schwellenwerte optimieren</translation>
    </message>
    <message>
        <source>Thresholds tuned on the validation images: F-beta here %1 → %2</source>
        <translation>Schwellenwerte auf den Validierungsbildern optimiert: F-beta hier %1 → %2</translation>
    </message>
    <message>
        <source>Thresholds saved into the model</source>
        <translation>Schwellenwerte im Modell gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%1 images; the %n most confident shown</source>
        <translation>
            <numerusform>%1 Bilder; %n Bild mit der höchsten Konfidenz wird angezeigt</numerusform>
            <numerusform>%1 Bilder; die %n mit der höchsten Konfidenz werden angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix Tags</source>
        <translation>Tags korrigieren</translation>
    </message>
    <message>
        <source>%1: the image or the tag &apos;%2&apos; is no longer in the project</source>
        <translation>%1: Das Bild oder das Tag „%2“ ist nicht mehr im Projekt</translation>
    </message>
</context>
<context>
    <name>tagwise::RunListModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Best F-beta</source>
        <translation>Bestes F-beta</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>settings not recorded</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <source>Run %1, in %2
%3</source>
        <translation>Trainingslauf %1, in %2
%3</translation>
    </message>
    <message>
        <source>%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, with augmentation</source>
        <translation>%1 mit %2 px, %3 Epochen, Batch %4, Lernrate %5, Zeitplan %6, mit Augmentierung</translation>
    </message>
    <message>
        <source>%1 at %2 px, %3 epochs, batch %4, learning rate %5, %6 schedule, no augmentation</source>
        <translation>%1 mit %2 px, %3 Epochen, Batch %4, Lernrate %5, Zeitplan %6, ohne Augmentierung</translation>
    </message>
</context>
<context>
    <name>tagwise::SetReviewedCommand</name>
    <message>
        <source>Mark %1 reviewed</source>
        <translation>%1 als geprüft markieren</translation>
    </message>
    <message>
        <source>Mark %1 not reviewed</source>
        <translation>%1 als nicht geprüft markieren</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
</context>
<context>
    <name>tagwise::SetTagCommand</name>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <source>Set &quot;%1&quot; on %2</source>
        <translation>„%1“ auf %2 setzen</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from %2</source>
        <translation>„%1“ von %2 entfernen</translation>
    </message>
</context>
<context>
    <name>tagwise::StoreCommand</name>
    <message>
        <source>The project of &quot;%1&quot; is closed.</source>
        <translation>Das Projekt zu „%1“ ist geschlossen.</translation>
    </message>
</context>
<context>
    <name>tagwise::TagConfusionView</name>
    <message>
        <source>Of the %1 images that have &lt;b&gt;%2&lt;/b&gt;, %3 get &lt;b&gt;%4&lt;/b&gt; predicted (%5%).</source>
        <translation>Von den %1 Bildern mit &lt;b&gt;%2&lt;/b&gt; wird bei %3 &lt;b&gt;%4&lt;/b&gt; vorhergesagt (%5&#xa0;%).</translation>
    </message>
</context>
<context>
    <name>tagwise::TagPanel</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>Neues Tag…</translation>
    </message>
    <message>
        <source>Add a tag with this name</source>
        <translation>Ein Tag mit diesem Namen hinzufügen</translation>
    </message>
    <message>
        <source>Press %1 to toggle this tag</source>
        <translation>%1 drücken, um dieses Tag umzuschalten</translation>
    </message>
    <message>
        <source>No tags yet.
Type a name below and press Enter.</source>
        <translation>Noch keine Tags.
Geben Sie unten einen Namen ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Open a folder to start tagging.</source>
        <translation>Öffnen Sie einen Ordner, um mit dem Taggen zu beginnen.</translation>
    </message>
    <message>
        <source>Selected images with this tag: %1 of %2</source>
        <translation>Ausgewählte Bilder mit diesem Tag: %1 von %2</translation>
    </message>
    <message>
        <source>Select images to tag them</source>
        <translation>Bilder auswählen, um sie zu taggen</translation>
    </message>
    <message>
        <source>Select images to tag them.</source>
        <translation>Wählen Sie Bilder aus, um sie zu taggen.</translation>
    </message>
    <message>
        <source>Tags of the selected image</source>
        <translation>Tags des ausgewählten Bildes</translation>
    </message>
    <message>
        <source>Tags of %1 selected images</source>
        <translation>Tags von %1 ausgewählten Bildern</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Farbe…</translation>
    </message>
    <message>
        <source>&amp;Shortcut…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;Merge Into</source>
        <translation>&amp;Zusammenführen in</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Tag umbenennen</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Colour of &quot;%1&quot;</source>
        <translation>Farbe von „%1“</translation>
    </message>
    <message>
        <source>Shortcut of &quot;%1&quot;</source>
        <translation>Tastenkürzel für „%1“</translation>
    </message>
    <message>
        <source>No Shortcut</source>
        <translation>Kein Tastenkürzel</translation>
    </message>
    <message>
        <source>Press the key that toggles this tag on the selected images.</source>
        <translation>Drücken Sie die Taste, die dieses Tag auf den ausgewählten Bildern umschaltet.</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>Tag löschen</translation>
    </message>
    <message>
        <source>Delete the tag &quot;%1&quot;? Images that lose it: %2. You can undo this.</source>
        <translation>Das Tag „%1“ löschen? Bilder, die es verlieren: %2. Sie können dies rückgängig machen.</translation>
    </message>
    <message>
        <source>Suggested by a model on %1 of them: Space confirms, a click clears it</source>
        <translation>Bei %1 davon vom Modell vorgeschlagen: Leertaste bestätigt, ein Klick entfernt es</translation>
    </message>
</context>
<context>
    <name>tagwise::ThumbnailDelegate</name>
    <message>
        <source>File missing</source>
        <translation>Datei fehlt</translation>
    </message>
    <message>
        <source>Cannot read</source>
        <translation>Nicht lesbar</translation>
    </message>
</context>
<context>
    <name>tagwise::ThumbnailLoader</name>
    <message>
        <source>%1: cannot read the thumbnail: %2</source>
        <translation>%1: Das Miniaturbild kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no thumbnail could be made</source>
        <translation>%1: Es konnte kein Miniaturbild erstellt werden</translation>
    </message>
</context>
<context>
    <name>tagwise::TrainWorkspace</name>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>noch etwa %1 h</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>Kein Training aktiv</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>Eingabegröße</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Ermitteln…</translation>
    </message>
    <message>
        <source>Sweep the learning rate for a few batches and plot the loss against it</source>
        <translation>Die Lernrate einige Batches lang durchlaufen und den Verlust darüber auftragen</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <source>lower on plateau</source>
        <translation>bei Plateau senken</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lernratenplan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>light (flips, shifts)</source>
        <translation>leicht (Spiegeln, Verschieben)</translation>
    </message>
    <message>
        <source>standard (+ warps, colour)</source>
        <translation>Standard (+ Verzerren, Farbe)</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <source>bfloat16 on the CPU</source>
        <translation>bfloat16 auf der CPU</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Warm-up epochs (cosine)</source>
        <translation>Aufwärmepochen (Kosinus)</translation>
    </message>
    <message>
        <source>F-beta&apos;s beta</source>
        <translation>Beta des F-beta</translation>
    </message>
    <message>
        <source>never stop early</source>
        <translation>nie vorzeitig beenden</translation>
    </message>
    <message>
        <source>Stop after epochs without progress</source>
        <translation>Beenden nach Epochen ohne Fortschritt</translation>
    </message>
    <message>
        <source>Weigh rare tags up</source>
        <translation>Seltene Tags stärker gewichten</translation>
    </message>
    <message>
        <source>Class weighting</source>
        <translation>Klassengewichtung</translation>
    </message>
    <message>
        <source>Tune each tag&apos;s threshold</source>
        <translation>Schwellenwert jedes Tags optimieren</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Weight average (decay)</source>
        <translation>Gewichtsmittelung (Abklingrate)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Recommended Settings</source>
        <translation>Empfohlene Einstellungen</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop after the current batch; the best epoch so far is kept and the run can be resumed</source>
        <translation>Nach dem aktuellen Batch anhalten; die bisher beste Epoche bleibt erhalten, und der Trainingslauf kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Trainingsläufe</translation>
    </message>
    <message>
        <source>Tick runs to lay their curves over the current one</source>
        <translation>Trainingsläufe ankreuzen, um ihre Kurven über die des aktuellen Trainingslaufs zu legen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Use This Model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Make the selected run&apos;s model the project&apos;s active model, which Review and Classify use</source>
        <translation>Das Modell des ausgewählten Trainingslaufs zum aktiven Modell des Projekts machen, das „Prüfen“ und „Klassifizieren“ verwenden</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>%1 training and %2 validation images, %3 tags; %4 test images held out for Review.</source>
        <translation>%1 Trainings- und %2 Validierungsbilder, %3 Tags; %4 Testbilder werden für „Prüfen“ zurückgehalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n images cannot be read and will be left out:</source>
        <translation>
            <numerusform>%n Bild kann nicht gelesen werden und wird ausgelassen:</numerusform>
            <numerusform>%n Bilder können nicht gelesen werden und werden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>Bereit zum Training.</translation>
    </message>
    <message>
        <source>this CPU has no native bfloat16: float32 is as fast here</source>
        <translation>diese CPU unterstützt bfloat16 nicht nativ: float32 ist hier genauso schnell</translation>
    </message>
    <message>
        <source>Your choice; recommended: %1.</source>
        <translation>Ihre Wahl; empfohlen: %1.</translation>
    </message>
    <message>
        <source>Training cannot start</source>
        <translation>Das Training kann nicht starten</translation>
    </message>
    <message numerus="yes">
        <source>%n images cannot be read and will be left out.</source>
        <translation>
            <numerusform>%n Bild kann nicht gelesen werden und wird ausgelassen.</numerusform>
            <numerusform>%n Bilder können nicht gelesen werden und werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>These things will weaken the model:</source>
        <translation>Folgendes wird das Modell schwächen:</translation>
    </message>
    <message>
        <source>Go On</source>
        <translation>Fortfahren</translation>
    </message>
    <message numerus="yes">
        <source>Decoding %n images…</source>
        <translation>
            <numerusform>%n Bild wird dekodiert…</numerusform>
            <numerusform>%n Bilder werden dekodiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>Wird nach diesem Batch angehalten…</translation>
    </message>
    <message>
        <source>The run cannot be resumed</source>
        <translation>Der Trainingslauf kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Sweeping the learning rate…</source>
        <translation>Lernraten-Suchlauf läuft…</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>Epoche %1 von %2</translation>
    </message>
    <message>
        <source>batch %1 of %2</source>
        <translation>Batch %1 von %2</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>%1 Bilder/s</translation>
    </message>
    <message>
        <source>Epoch %1: validation F-beta %2</source>
        <translation>Epoche %1: Validierungs-F-beta %2</translation>
    </message>
    <message>
        <source>The sweep failed</source>
        <translation>Der Suchlauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The learning-rate sweep failed</source>
        <translation>Der Lernraten-Suchlauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished: best epoch %1, validation F-beta %2 (with tuned thresholds %3)</source>
        <translation>Fertig: beste Epoche %1, Validierungs-F-beta %2 (mit optimierten Schwellenwerten %3)</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n epochs; Resume continues the run.</source>
        <translation>
            <numerusform>Nach %n Epoche angehalten; „Fortsetzen“ setzt den Trainingslauf fort.</numerusform>
            <numerusform>Nach %n Epochen angehalten; „Fortsetzen“ setzt den Trainingslauf fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete Run</source>
        <translation>Trainingslauf löschen</translation>
    </message>
    <message>
        <source>Delete run %1 and its model? Its folder is removed; this cannot be undone.</source>
        <translation>Trainingslauf %1 und sein Modell löschen? Sein Ordner wird entfernt; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The run was not deleted</source>
        <translation>Der Trainingslauf wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>The active model was not changed</source>
        <translation>Das aktive Modell wurde nicht geändert</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>Fits %1: %2</source>
        <translation>Passt zu %1: %2</translation>
    </message>
    <message>
        <source>Does not fit %1: %2</source>
        <translation>Passt nicht zu %1: %2</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Start from weights you have: a .safetensors file or a PyTorch file saved with torch.save(model.state_dict()), with torchvision&apos;s names (e.g. resnet50), or weights exported from another run</source>
        <translation>Mit vorhandenen Gewichten beginnen: eine .safetensors-Datei oder eine mit torch.save(model.state_dict()) gespeicherte PyTorch-Datei mit den Namen von torchvision (z. B. resnet50), oder aus einem anderen Lauf exportierte Gewichte</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Start from random weights</source>
        <translation>Mit zufälligen Gewichten beginnen</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Beginnen mit</translation>
    </message>
    <message>
        <source>frozen for the first epoch, then trains at a tenth of the rate</source>
        <translation>in der ersten Epoche eingefroren, danach mit einem Zehntel der Rate trainiert</translation>
    </message>
    <message>
        <source>frozen for the whole run (only the head learns)</source>
        <translation>im ganzen Lauf eingefroren (nur der Kopf lernt)</translation>
    </message>
    <message>
        <source>trains from the start, at a tenth of the rate</source>
        <translation>trainiert von Anfang an, mit einem Zehntel der Rate</translation>
    </message>
    <message>
        <source>trains from the start, at the full rate</source>
        <translation>trainiert von Anfang an, mit der vollen Rate</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>Pretrained Weights</source>
        <translation>Vortrainierte Gewichte</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth *.bin);;All files (*)</source>
        <translation>Gewichte (*.safetensors *.pt *.pth *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>zufällige Gewichte</translation>
    </message>
    <message>
        <source>Nothing is downloaded: choose a weights file you have to fine-tune a pretrained network.</source>
        <translation>Es wird nichts heruntergeladen: Wählen Sie eine vorhandene Gewichtsdatei, um ein vortrainiertes Netz feinabzustimmen.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Inputs are normalised as the weights expect: ImageNet&apos;s statistics, or those of the run that exported them.</source>
        <translation>Die Eingaben werden so normiert, wie die Gewichte es erwarten: mit den Statistiken von ImageNet oder denen des Laufs, der sie exportiert hat.</translation>
    </message>
    <message>
        <source>The share of the network&apos;s own dropout that training uses: 1 as the network is built, off for none. Prediction never drops.</source>
        <translation>Der Anteil des eigenen Dropouts des Netzes, den das Training verwendet: 1 wie das Netz gebaut ist, aus für keinen. Die Vorhersage verwirft nie etwas.</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>%1, weight decay %2</source>
        <translation>%1, Weight Decay %2</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two reasons for one setting</comment>
        <translation>; </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensors loaded from %1</source>
        <translation>
            <numerusform>%n Tensor aus %1 geladen</numerusform>
            <numerusform>%n Tensoren aus %1 geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>; new head for these tags: %1</source>
        <translation>; neuer Kopf für diese Tags: %1</translation>
    </message>
    <message>
        <source>; not used: %1</source>
        <translation>; nicht verwendet: %1</translation>
    </message>
</context>
<context>
    <name>tagwise::TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>Batch-Verlust</translation>
    </message>
    <message>
        <source>batch loss, smoothed</source>
        <translation>Batch-Verlust, geglättet</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>F-beta</source>
        <translation>F-beta</translation>
    </message>
    <message>
        <source>F-beta (samples)</source>
        <translation>F-beta (pro Bild)</translation>
    </message>
    <message>
        <source>micro F1</source>
        <translation>Mikro-F1</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>mean average precision</source>
        <translation>Mean Average Precision (mAP)</translation>
    </message>
    <message>
        <source>Smoothing of the batch loss (as TensorBoard&apos;s)</source>
        <translation>Glättung des Batch-Verlusts (wie in TensorBoard)</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>Glättung %1</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>Validierung:</translation>
    </message>
    <message>
        <source>F-beta of %1</source>
        <translation>F-beta von %1</translation>
    </message>
    <message>
        <source>%1: validation loss</source>
        <translation>%1: Validierungsverlust</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
epoch %2: %3</source>
        <translation>%1
Epoche %2: %3</translation>
    </message>
    <message>
        <source>Export the Plots</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export the Curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>tagwise::workflow::DataCheck</name>
    <message>
        <source>The project has no tags: add tags and tick them on some images.</source>
        <translation>Das Projekt hat keine Tags: Fügen Sie Tags hinzu und setzen Sie sie bei einigen Bildern.</translation>
    </message>
    <message>
        <source>Only %1 tagged or reviewed images are in the training split; training needs at least 2.</source>
        <translation>In den Trainingsdaten haben nur %1 Bilder Tags oder sind geprüft; das Training braucht mindestens 2.</translation>
    </message>
    <message>
        <source>No tagged or reviewed image is in the validation split: it picks the best epoch and the thresholds. Tag more images (about one in ten lands in validation).</source>
        <translation>In den Validierungsdaten hat kein Bild Tags oder ist geprüft; anhand dieser Daten werden aber die beste Epoche und die Schwellenwerte gewählt. Taggen Sie mehr Bilder (etwa jedes zehnte kommt in die Validierungsdaten).</translation>
    </message>
    <message>
        <source>No training image has these tags, so the model cannot learn them: %1.</source>
        <translation>Kein Trainingsbild hat diese Tags, daher kann das Modell sie nicht lernen: %1.</translation>
    </message>
    <message>
        <source>These tags have fewer than %1 training images, too few to learn well: %2.</source>
        <translation>Diese Tags haben weniger als %1 Trainingsbilder, zu wenige, um sie gut zu lernen: %2.</translation>
    </message>
    <message>
        <source>No validation image has these tags, so their thresholds stay at 0.5 and their scores say nothing: %1.</source>
        <translation>Kein Validierungsbild hat diese Tags, daher bleiben ihre Schwellenwerte bei 0,5 und ihre Messwerte sind nicht aussagekräftig: %1.</translation>
    </message>
    <message>
        <source>%1 images are left out: nobody tagged or reviewed them, or their files are missing. Mark an image reviewed (Space) to train on it as having none of the tags.</source>
        <translation>%1 Bilder werden ausgelassen: Niemand hat sie getaggt oder geprüft, oder ihre Dateien fehlen. Markieren Sie ein Bild als geprüft (Leertaste), damit es als Bild ohne jedes der Tags ins Training eingeht.</translation>
    </message>
    <message>
        <source>%1: the file is gone</source>
        <translation>%1: Die Datei ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>%1: not an image this program reads%2</source>
        <translation>%1: kein Bild, das dieses Programm lesen kann%2</translation>
    </message>
    <message>
        <source>%1: %2 images are not supported</source>
        <translation>%1: %2-Bilder werden nicht unterstützt</translation>
    </message>
    <message>
        <source>%1 images are left out until a person reviews them: a model suggested their tags. Show them in the Label workspace (Suggested by a model), fix the tags, and mark them reviewed (Space).</source>
        <translation>%1 Bilder werden ausgelassen, bis ein Mensch sie prüft: Ihre Tags hat ein Modell vorgeschlagen. Zeigen Sie sie im Arbeitsbereich „Beschriften“ an (Vom Modell vorgeschlagen), korrigieren Sie die Tags und markieren Sie sie als geprüft (Leertaste).</translation>
    </message>
</context>
<context>
    <name>tagwise::workflow::TrainingSession</name>
    <message>
        <source>no GPU (CUDA is not available)</source>
        <translation>keine GPU (CUDA ist nicht verfügbar)</translation>
    </message>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 Thread</translation>
    </message>
    <message>
        <source>CPU, %1 threads</source>
        <translation>CPU, %1 Threads</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AllocatorCatalog</name>
    <message>
        <source>Allocator id &apos;%1&apos; is not valid: use 1 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Allokator-ID &apos;%1&apos; ist ungültig: verwenden Sie 1 bis 32 Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a built-in allocator and cannot be changed.</source>
        <translation>&apos;%1&apos; ist ein eingebauter Allokator und kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Allocator &apos;%1&apos; needs a name of 1 to 64 printable characters.</source>
        <translation>Allokator &apos;%1&apos; braucht einen Namen aus 1 bis 64 druckbaren Zeichen.</translation>
    </message>
    <message>
        <source>Version &apos;%1&apos; may contain only letters, digits and . + ~ _ - (at most 32).</source>
        <translation>Version &apos;%1&apos; darf nur Buchstaben, Ziffern und . + ~ _ - enthalten (höchstens 32).</translation>
    </message>
    <message>
        <source>Allocator &apos;%1&apos; needs the absolute path of its library (only glibc runs without a preload).</source>
        <translation>Allokator &apos;%1&apos; braucht den absoluten Pfad seiner Bibliothek (nur glibc läuft ohne Preload).</translation>
    </message>
    <message>
        <source>The sha256 must be 64 hexadecimal digits.</source>
        <translation>Der sha256-Wert muss aus 64 Hexadezimalziffern bestehen.</translation>
    </message>
    <message>
        <source>An allocator with id &apos;%1&apos; exists already.</source>
        <translation>Ein Allokator mit der ID &apos;%1&apos; existiert bereits.</translation>
    </message>
    <message>
        <source>There is no allocator with id &apos;%1&apos;.</source>
        <translation>Es gibt keinen Allokator mit der ID &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>glibc is never preloaded; it has no path.</source>
        <translation>glibc wird nie vorgeladen; es hat keinen Pfad.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid host name.</source>
        <translation>&apos;%1&apos; ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>unexpected text after &apos;end&apos;</source>
        <translation>unerwarteter Text nach &apos;end&apos;</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos;</source>
        <translation>&apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;end&apos;</source>
        <translation>&apos;end&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;%1 ...&apos;</source>
        <translation>&apos;%1 ...&apos; erwartet</translation>
    </message>
    <message>
        <source>expected 0 or 1</source>
        <translation>0 oder 1 erwartet</translation>
    </message>
    <message>
        <source>expected a sha256 or &apos;-&apos;</source>
        <translation>sha256-Wert oder &apos;-&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a package name or &apos;-&apos;</source>
        <translation>Paketname oder &apos;-&apos; erwartet</translation>
    </message>
    <message>
        <source>the output ends before &apos;end&apos;</source>
        <translation>die Ausgabe endet vor &apos;end&apos;</translation>
    </message>
    <message>
        <source>check %1 (%2): the output ends before it</source>
        <translation>Prüfung %1 (%2): die Ausgabe endet davor</translation>
    </message>
    <message>
        <source>check %1 (%2), output line %3: %4</source>
        <translation>Prüfung %1 (%2), Ausgabezeile %3: %4</translation>
    </message>
    <message>
        <source>output line %1: unexpected text after the last check</source>
        <translation>Ausgabezeile %1: unerwarteter Text nach der letzten Prüfung</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>RAM %1 → %2 GiB</source>
        <translation>RAM %1 → %2 GiB</translation>
    </message>
    <message>
        <source>swap %1 → %2 GiB</source>
        <translation>Swap %1 → %2 GiB</translation>
    </message>
    <message>
        <source>%1 → %2 relays</source>
        <translation>%1 → %2 Relays</translation>
    </message>
    <message>
        <source>tor %1 → %2</source>
        <translation>tor %1 → %2</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>peak RSS (HWM)</source>
        <translation>Spitzen-RSS (HWM)</translation>
    </message>
    <message>
        <source>Days since the relay&apos;s start (uptime-aligned)</source>
        <translation>Tage seit dem Start des Relays (nach Laufzeit ausgerichtet)</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Mean %1 per relay by group (band: %2)</source>
        <translation>Mittlerer %1 pro Relay nach Gruppe (Band: %2)</translation>
    </message>
    <message>
        <source>interquartile range</source>
        <translation>Interquartilsabstand</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>Min–Max</translation>
    </message>
    <message>
        <source>%1 per relay (%2)</source>
        <translation>%1 pro Relay (%2)</translation>
    </message>
    <message>
        <source>%1 band</source>
        <translation>%1-Band</translation>
    </message>
    <message>
        <source>Q3</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Q1</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min</translation>
    </message>
    <message numerus="yes">
        <source>mean of %n relays</source>
        <translation>
            <numerusform>Mittel von %n Relay</numerusform>
            <numerusform>Mittel von %n Relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n largest relays</source>
        <translation>
            <numerusform>%n größtes Relay</numerusform>
            <numerusform>die %n größten Relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relays</source>
        <translation>
            <numerusform>%n Relay</numerusform>
            <numerusform>%n Relays</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per relay over time (%2)</source>
        <translation>%1 pro Relay über die Zeit (%2)</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>relays</source>
        <translation>Relays</translation>
    </message>
    <message>
        <source>%1 per relay at %2 (Tukey box plot)</source>
        <translation>%1 pro Relay am %2 (Tukey-Boxplot)</translation>
    </message>
    <message>
        <source>%1 (n=%2)</source>
        <translation>%1 (n=%2)</translation>
    </message>
    <message>
        <source>%1 outliers</source>
        <translation>%1 Ausreißer</translation>
    </message>
    <message>
        <source>Group (allocator); label: median</source>
        <translation>Gruppe (Allokator); Beschriftung: Median</translation>
    </message>
    <message>
        <source>Distribution of %1 per relay at %2</source>
        <translation>Verteilung von %1 pro Relay am %2</translation>
    </message>
    <message>
        <source>Relays</source>
        <translation>Relays</translation>
    </message>
    <message>
        <source>Weekly mean %1 per relay by group</source>
        <translation>Wöchentlicher mittlerer %1 pro Relay nach Gruppe</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <source>ISO week (Monday, UTC); mean over every sample of the group in that week</source>
        <translation>ISO-Woche (Montag, UTC); Mittel über alle Messwerte der Gruppe in dieser Woche</translation>
    </message>
    <message>
        <source>Mean %1 per relay (%2)</source>
        <translation>Mittlerer %1 pro Relay (%2)</translation>
    </message>
    <message>
        <source>, worst/best %1×</source>
        <translation>, schlechteste/beste %1×</translation>
    </message>
    <message>
        <source>%1 %2 per relay at %3, ranked%4</source>
        <translation>%1 %2 pro Relay am %3, nach Rang%4</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Group (allocator), best first</source>
        <translation>Gruppe (Allokator), beste zuerst</translation>
    </message>
    <message>
        <source>%1 %2 per relay (%3)</source>
        <translation>%1 %2 pro Relay (%3)</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>± 1 standard deviation</source>
        <translation>± 1 Standardabweichung</translation>
    </message>
    <message>
        <source>Total %1 of the relays, by group</source>
        <translation>Gesamt-%1 der Relays, nach Gruppe</translation>
    </message>
    <message>
        <source>Total %1 (%2)</source>
        <translation>Gesamt-%1 (%2)</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>kumuliert</translation>
    </message>
    <message>
        <source>other relays</source>
        <translation>andere Relays</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>fleet total</source>
        <translation>Flotte gesamt</translation>
    </message>
    <message>
        <source>server total (aggregate rows)</source>
        <translation>Server gesamt (Aggregatzeilen)</translation>
    </message>
    <message>
        <source>Group mean over time</source>
        <translation>Gruppenmittel über die Zeit</translation>
    </message>
    <message>
        <source>Per-relay trajectories</source>
        <translation>Verläufe pro Relay</translation>
    </message>
    <message>
        <source>Box plot per group</source>
        <translation>Boxplot pro Gruppe</translation>
    </message>
    <message>
        <source>Distribution per group</source>
        <translation>Verteilung pro Gruppe</translation>
    </message>
    <message>
        <source>Weekly means</source>
        <translation>Wochenmittel</translation>
    </message>
    <message>
        <source>Group comparison</source>
        <translation>Gruppenvergleich</translation>
    </message>
    <message>
        <source>Total memory</source>
        <translation>Gesamtspeicher</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>All relays</source>
        <translation>Alle Relays</translation>
    </message>
    <message numerus="yes">
        <source>range of %n relays</source>
        <translation>
            <numerusform>Spannweite von %n Relay</numerusform>
            <numerusform>Spannweite von %n Relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; band: range per group, lines: the %n largest of each</source>
        <translation>
            <numerusform>%1; Band: Spannweite je Gruppe, Linien: das %n größte jeder Gruppe</numerusform>
            <numerusform>%1; Band: Spannweite je Gruppe, Linien: die %n größten jeder Gruppe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per relay (%2), bins of %3 %2</source>
        <translation>%1 pro Relay (%2), Klassen zu %3 %2</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>add a relay server</source>
        <translation>einen Relay-Server hinzufügen</translation>
    </message>
    <message>
        <source>add the servers listed in a servers.txt</source>
        <translation>die Server aus einer servers.txt hinzufügen</translation>
    </message>
    <message>
        <source>list the relay servers</source>
        <translation>die Relay-Server auflisten</translation>
    </message>
    <message>
        <source>remove a relay server</source>
        <translation>einen Relay-Server entfernen</translation>
    </message>
    <message>
        <source>show every relay with its memory and allocator</source>
        <translation>jedes Relay mit Speicher und Allokator zeigen</translation>
    </message>
    <message>
        <source>poll memory into the database</source>
        <translation>Speicher abfragen und in der Datenbank speichern</translation>
    </message>
    <message>
        <source>import TorUtils CSV files</source>
        <translation>TorUtils-CSV-Dateien importieren</translation>
    </message>
    <message>
        <source>export TorUtils CSV files</source>
        <translation>TorUtils-CSV-Dateien exportieren</translation>
    </message>
    <message>
        <source>create an experiment</source>
        <translation>ein Experiment anlegen</translation>
    </message>
    <message>
        <source>put relays into a group</source>
        <translation>Relays einer Gruppe zuordnen</translation>
    </message>
    <message>
        <source>list the experiments</source>
        <translation>die Experimente auflisten</translation>
    </message>
    <message>
        <source>show an experiment&apos;s groups</source>
        <translation>die Gruppen eines Experiments zeigen</translation>
    </message>
    <message>
        <source>list the allocator catalog</source>
        <translation>den Allokator-Katalog auflisten</translation>
    </message>
    <message>
        <source>add a custom allocator</source>
        <translation>einen eigenen Allokator hinzufügen</translation>
    </message>
    <message>
        <source>check the libraries on the hosts</source>
        <translation>die Bibliotheken auf den Hosts prüfen</translation>
    </message>
    <message>
        <source>rank the groups of an experiment</source>
        <translation>die Gruppen eines Experiments bewerten</translation>
    </message>
    <message>
        <source>write the seven charts</source>
        <translation>die sieben Diagramme schreiben</translation>
    </message>
    <message>
        <source>write a whole report folder</source>
        <translation>einen vollständigen Berichtsordner schreiben</translation>
    </message>
    <message>
        <source>deploy an experiment&apos;s allocators</source>
        <translation>die Allokatoren eines Experiments ausrollen</translation>
    </message>
    <message>
        <source>roll one allocator out to every relay</source>
        <translation>einen Allokator auf alle Relays ausrollen</translation>
    </message>
    <message>
        <source>restore every relay&apos;s previous allocator</source>
        <translation>den vorherigen Allokator jedes Relays wiederherstellen</translation>
    </message>
    <message>
        <source>Usage: alloclab-cli [common options] COMMAND [options]</source>
        <translation>Aufruf: alloclab-cli [allgemeine Optionen] BEFEHL [Optionen]</translation>
    </message>
    <message>
        <source>Measure which memory allocator keeps your Tor relays small, then roll it out.</source>
        <translation>Messen, welcher Speicher-Allokator Ihre Tor-Relays klein hält, und ihn dann ausrollen.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Common options:</source>
        <translation>Allgemeine Optionen:</translation>
    </message>
    <message>
        <source>database file (default: %1)</source>
        <translation>Datenbankdatei (Standard: %1)</translation>
    </message>
    <message>
        <source>ssh_config to read, like ssh -F (default: ~/.ssh/config)</source>
        <translation>zu lesende ssh_config, wie ssh -F (Standard: ~/.ssh/config)</translation>
    </message>
    <message>
        <source>machine-readable output on stdout, one JSON document</source>
        <translation>maschinenlesbare Ausgabe auf stdout, ein JSON-Dokument</translation>
    </message>
    <message>
        <source>print only errors</source>
        <translation>nur Fehler ausgeben</translation>
    </message>
    <message>
        <source>language of the messages, e.g. de</source>
        <translation>Sprache der Meldungen, z. B. de</translation>
    </message>
    <message>
        <source>show this help, or a command&apos;s help</source>
        <translation>diese Hilfe oder die Hilfe eines Befehls zeigen</translation>
    </message>
    <message>
        <source>show the versions of AllocLab, Qt, libssh and SQLite</source>
        <translation>die Versionen von AllocLab, Qt, libssh und SQLite zeigen</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 the operation failed, 2 bad usage.</source>
        <translation>Exit-Status: 0 Erfolg, 1 Vorgang fehlgeschlagen, 2 falscher Aufruf.</translation>
    </message>
    <message>
        <source>Try &apos;alloclab-cli --help&apos;.</source>
        <translation>Siehe &apos;alloclab-cli --help&apos;.</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; needs a value.</source>
        <translation>Option &apos;%1&apos; braucht einen Wert.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Usage: alloclab-cli %1</source>
        <translation>Aufruf: alloclab-cli %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not implemented yet.</source>
        <translation>&apos;%1&apos; ist noch nicht implementiert.</translation>
    </message>
    <message>
        <source>The interval must be between 10s and 24h; &apos;%1&apos; is %2.</source>
        <translation>Das Intervall muss zwischen 10s und 24h liegen; &apos;%1&apos; ist %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number of milliseconds.</source>
        <translation>&apos;%1&apos; braucht eine Anzahl Millisekunden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number of polls (1 or more).</source>
        <translation>&apos;%1&apos; braucht eine Anzahl Abfragen (1 oder mehr).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a number of seconds (0 &lt; s &lt;= 3600).</source>
        <translation>&apos;%1&apos; braucht eine Anzahl Sekunden (0 &lt; s &lt;= 3600).</translation>
    </message>
    <message>
        <source>Unknown argument &apos;%1&apos; for &apos;collect&apos;.</source>
        <translation>Unbekanntes Argument &apos;%1&apos; für &apos;collect&apos;.</translation>
    </message>
    <message>
        <source>&apos;collect&apos; needs either --once or --interval DURATION (e.g. 30s, 5m, 1h).</source>
        <translation>&apos;collect&apos; braucht entweder --once oder --interval DAUER (z. B. 30s, 5m, 1h).</translation>
    </message>
    <message>
        <source>There is no host named &apos;%1&apos; in %2 (see &apos;hosts list&apos;).</source>
        <translation>Es gibt keinen Host namens &apos;%1&apos; in %2 (siehe &apos;hosts list&apos;).</translation>
    </message>
    <message>
        <source>No hosts in %1. Add one with &apos;alloclab-cli hosts add TARGET&apos;.</source>
        <translation>Keine Hosts in %1. Fügen Sie einen mit &apos;alloclab-cli hosts add ZIEL&apos; hinzu.</translation>
    </message>
    <message>
        <source>Cannot set up signal handling: %1</source>
        <translation>Signalbehandlung kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <source>alloclab-cli: signal %1: stopping after the poll in flight.</source>
        <translation>alloclab-cli: Signal %1: Ende nach der laufenden Abfrage.</translation>
    </message>
    <message>
        <source>%1: the poll was not stored: %2</source>
        <translation>%1: Die Abfrage wurde nicht gespeichert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: stored %n sample(s), poll %3</source>
        <translation>
            <numerusform>%1 %2: %n Messwert gespeichert, Abfrage %3</numerusform>
            <numerusform>%1 %2: %n Messwerte gespeichert, Abfrage %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: stored as unreachable, poll %3</source>
        <translation>%1 %2: als nicht erreichbar gespeichert, Abfrage %3</translation>
    </message>
    <message>
        <source>%1 poll %2: %3 host(s) ok, %4 failed, %5 not stored, %6 sample(s), %7 event(s), %8 ms</source>
        <translation>%1 Abfrage %2: %3 Host(s) ok, %4 fehlgeschlagen, %5 nicht gespeichert, %6 Messwert(e), %7 Ereignis(se), %8 ms</translation>
    </message>
    <message>
        <source>next poll at %1</source>
        <translation>nächste Abfrage um %1</translation>
    </message>
    <message>
        <source>poll memory into the database (cron, systemd timer)</source>
        <translation>Speicher abfragen und in der Datenbank speichern (cron, systemd-Timer)</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unbekannte Option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown time zone &apos;%1&apos; (use an IANA name such as Europe/Berlin).</source>
        <translation>Unbekannte Zeitzone &apos;%1&apos; (verwenden Sie einen IANA-Namen wie Europe/Berlin).</translation>
    </message>
    <message>
        <source>%1 expects an ISO 8601 time such as 2026-01-08T20:47:02, got &apos;%2&apos;.</source>
        <translation>%1 erwartet eine ISO-8601-Zeit wie 2026-01-08T20:47:02, erhalten: &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>&apos;import&apos; needs a folder or files to read.</source>
        <translation>&apos;import&apos; braucht einen Ordner oder Dateien zum Lesen.</translation>
    </message>
    <message>
        <source>Importing %1 ... %2%</source>
        <translation>Importiere %1 ... %2%</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows, %4 new, %5 rejected</source>
        <translation>%1 (%2): %3 Zeilen, %4 neu, %5 abgelehnt</translation>
    </message>
    <message>
        <source>Imported %1 samples, %2 aggregates, %3 events, %4 diagnostics rows of %5 relays.</source>
        <translation>%1 Messwerte, %2 Aggregate, %3 Ereignisse, %4 Diagnosezeilen von %5 Relays importiert.</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos;: %2 groups, %3 assignments.</source>
        <translation>Experiment &apos;%1&apos;: %2 Gruppen, %3 Zuordnungen.</translation>
    </message>
    <message>
        <source>&apos;export&apos; needs exactly one folder to write into.</source>
        <translation>&apos;export&apos; braucht genau einen Ordner, in den geschrieben wird.</translation>
    </message>
    <message>
        <source>Wrote %1 samples, %2 aggregates, %3 events, %4 diagnostics rows, %5 group files to %6.</source>
        <translation>%1 Messwerte, %2 Aggregate, %3 Ereignisse, %4 Diagnosezeilen, %5 Gruppendateien nach %6 geschrieben.</translation>
    </message>
    <message>
        <source>&apos;summary&apos; takes no arguments besides its options.</source>
        <translation>&apos;summary&apos; nimmt außer seinen Optionen keine Argumente.</translation>
    </message>
    <message>
        <source>--window-days expects a positive number, got &apos;%1&apos;.</source>
        <translation>--window-days erwartet eine positive Zahl, erhalten: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>There are no samples at or before that time.</source>
        <translation>Zu oder vor diesem Zeitpunkt gibt es keine Messwerte.</translation>
    </message>
    <message>
        <source>put relays into a group (&apos;-&apos;: into none)</source>
        <translation>Relays einer Gruppe zuordnen (&apos;-&apos;: keiner)</translation>
    </message>
    <message>
        <source>write groups/*.txt and relay_config.csv</source>
        <translation>groups/*.txt und relay_config.csv schreiben</translation>
    </message>
    <message>
        <source>read group files or relay_config.csv into an experiment</source>
        <translation>Gruppendateien oder relay_config.csv in ein Experiment lesen</translation>
    </message>
    <message>
        <source>use another library path on one host</source>
        <translation>einen anderen Bibliothekspfad auf einem Host verwenden</translation>
    </message>
    <message>
        <source>Unknown argument &apos;%1&apos; for &apos;fleet&apos;.</source>
        <translation>Unbekanntes Argument &apos;%1&apos; für &apos;fleet&apos;.</translation>
    </message>
    <message>
        <source>There is no host named &apos;%1&apos; (see &apos;hosts list&apos;), and it is not a target: %2</source>
        <translation>Es gibt keinen Host namens &apos;%1&apos; (siehe &apos;hosts list&apos;), und es ist kein Ziel: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n relay(s), %2 ms</source>
        <translation>
            <numerusform>%1: %n Relay, %2 ms</numerusform>
            <numerusform>%1: %n Relays, %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no answer</source>
        <translation>%1: keine Antwort</translation>
    </message>
    <message>
        <source>%1: user &apos;%2&apos; is neither root nor allowed passwordless sudo, so the loaded allocator and the fingerprints are unknown. To fix it, add this line on the host with &apos;visudo -f /etc/sudoers.d/alloclab&apos;:
    %3</source>
        <translation>%1: Benutzer &apos;%2&apos; ist weder root noch für sudo ohne Passwort freigegeben, daher sind der geladene Allokator und die Fingerabdrücke unbekannt. Zur Abhilfe fügen Sie auf dem Host mit &apos;visudo -f /etc/sudoers.d/alloclab&apos; diese Zeile hinzu:
    %3</translation>
    </message>
    <message>
        <source>, ssh_config alias</source>
        <translation>, ssh_config-Alias</translation>
    </message>
    <message>
        <source>Option &apos;--name&apos; needs a value.</source>
        <translation>Option &apos;--name&apos; braucht einen Wert.</translation>
    </message>
    <message>
        <source>&apos;hosts add&apos; needs exactly one TARGET: an ssh_config alias, host, user@host, user@host:port or user@[IPv6]:port.</source>
        <translation>&apos;hosts add&apos; braucht genau ein ZIEL: einen ssh_config-Alias, host, user@host, user@host:port oder user@[IPv6]:port.</translation>
    </message>
    <message>
        <source>A host named &apos;%1&apos; already exists (target %2). Choose another --name, or remove it first with &apos;hosts remove %1&apos;.</source>
        <translation>Ein Host namens &apos;%1&apos; existiert bereits (Ziel %2). Wählen Sie einen anderen --name oder entfernen Sie ihn zuerst mit &apos;hosts remove %1&apos;.</translation>
    </message>
    <message>
        <source>Added %1: %2</source>
        <translation>%1 hinzugefügt: %2</translation>
    </message>
    <message>
        <source>&apos;hosts import&apos; needs exactly one FILE (servers.txt).</source>
        <translation>&apos;hosts import&apos; braucht genau eine DATEI (servers.txt).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n target(s) ...</source>
        <translation>
            <numerusform>Löse %n Ziel auf ...</numerusform>
            <numerusform>Löse %n Ziele auf ...</numerusform>
        </translation>
    </message>
    <message>
        <source>this target would also be named &apos;%1&apos;, like the one on line %2; add it separately with &apos;hosts add TARGET --name NAME&apos;.</source>
        <translation>Dieses Ziel hieße ebenfalls &apos;%1&apos;, wie das in Zeile %2; fügen Sie es einzeln mit &apos;hosts add ZIEL --name NAME&apos; hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s); nothing was imported.</source>
        <translation>
            <numerusform>%1 hat %n Fehler; nichts wurde importiert.</numerusform>
            <numerusform>%1 hat %n Fehler; nichts wurde importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept %1: already present (target %2)</source>
        <translation>%1 beibehalten: bereits vorhanden (Ziel %2)</translation>
    </message>
    <message>
        <source>&apos;hosts list&apos; takes no arguments.</source>
        <translation>&apos;hosts list&apos; nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>No hosts yet. Add one with &apos;alloclab-cli hosts add TARGET&apos;.</source>
        <translation>Noch keine Hosts. Fügen Sie einen mit &apos;alloclab-cli hosts add ZIEL&apos; hinzu.</translation>
    </message>
    <message>
        <source>&apos;hosts remove&apos; needs exactly one NAME.</source>
        <translation>&apos;hosts remove&apos; braucht genau einen NAMEN.</translation>
    </message>
    <message>
        <source>Removed %1 (its relays and samples are kept).</source>
        <translation>%1 entfernt (seine Relays und Messwerte bleiben erhalten).</translation>
    </message>
    <message>
        <source>Options &apos;--target&apos; and &apos;--note&apos; need a value.</source>
        <translation>Die Optionen &apos;--target&apos; und &apos;--note&apos; brauchen einen Wert.</translation>
    </message>
    <message>
        <source>&apos;hosts edit&apos; needs a NAME and --target TARGET and/or --note TEXT.</source>
        <translation>&apos;hosts edit&apos; braucht einen NAMEN und --target ZIEL und/oder --note TEXT.</translation>
    </message>
    <message>
        <source>There is no host named &apos;%1&apos; (see &apos;hosts list&apos;).</source>
        <translation>Es gibt keinen Host namens &apos;%1&apos; (siehe &apos;hosts list&apos;).</translation>
    </message>
    <message>
        <source>Updated %1: %2</source>
        <translation>%1 aktualisiert: %2</translation>
    </message>
    <message>
        <source>change a relay server&apos;s target or note</source>
        <translation>Ziel oder Notiz eines Relay-Servers ändern</translation>
    </message>
    <message>
        <source>&apos;backup&apos; needs exactly one argument: the new file.</source>
        <translation>&apos;backup&apos; braucht genau ein Argument: die neue Datei.</translation>
    </message>
    <message>
        <source>Copying %1 to %2 ...</source>
        <translation>Kopiere %1 nach %2 ...</translation>
    </message>
    <message>
        <source>Backed up %1 to %2 (%3 relays, %4 samples, %5 events).</source>
        <translation>%1 nach %2 gesichert (%3 Relays, %4 Messwerte, %5 Ereignisse).</translation>
    </message>
    <message>
        <source>copy the database into a new file, safely while in use</source>
        <translation>die Datenbank in eine neue Datei kopieren, sicher auch während der Nutzung</translation>
    </message>
    <message>
        <source>--size expects WIDTHxHEIGHT between 200x150 and 10000x10000, got &apos;%1&apos;.</source>
        <translation>--size erwartet BREITExHÖHE zwischen 200x150 und 10000x10000, erhalten: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--scale expects a number from 0.5 to 4, got &apos;%1&apos;.</source>
        <translation>--scale erwartet eine Zahl von 0.5 bis 4, erhalten: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--format expects png or svg, got &apos;%1&apos;.</source>
        <translation>--format erwartet png oder svg, erhalten: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>Unerwartetes Argument &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>charts needs the folder to write into.</source>
        <translation>charts braucht den Ordner, in den geschrieben wird.</translation>
    </message>
    <message>
        <source>Drawing charts needs a QApplication (internal error).</source>
        <translation>Diagramme zeichnen braucht eine QApplication (interner Fehler).</translation>
    </message>
    <message>
        <source>No chart data source.</source>
        <translation>Keine Datenquelle für Diagramme.</translation>
    </message>
    <message>
        <source>There are no samples to chart yet.</source>
        <translation>Es gibt noch keine Messwerte für Diagramme.</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos; has no samples yet.</source>
        <translation>Experiment &apos;%1&apos; hat noch keine Messwerte.</translation>
    </message>
    <message>
        <source>&apos;experiment create&apos; needs exactly one NAME.</source>
        <translation>&apos;experiment create&apos; braucht genau einen NAMEN.</translation>
    </message>
    <message>
        <source>An experiment compares at least two groups: give --group LETTER=ALLOCATOR_ID[:LABEL] twice or more.</source>
        <translation>Ein Experiment vergleicht mindestens zwei Gruppen: geben Sie --group BUCHSTABE=ALLOKATOR_ID[:BEZEICHNUNG] zweimal oder öfter an.</translation>
    </message>
    <message>
        <source>The experiment name is empty.</source>
        <translation>Der Name des Experiments ist leer.</translation>
    </message>
    <message>
        <source>--group &apos;%1&apos;: expected LETTER=ALLOCATOR_ID[:LABEL] with LETTER A to Z, e.g. B=mimalloc:mimalloc209.</source>
        <translation>--group &apos;%1&apos;: BUCHSTABE=ALLOKATOR_ID[:BEZEICHNUNG] mit BUCHSTABE A bis Z erwartet, z. B. B=mimalloc:mimalloc209.</translation>
    </message>
    <message>
        <source>Group %1 is given twice.</source>
        <translation>Gruppe %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Group %1: there is no allocator &apos;%2&apos; in the catalog (see &apos;alloclab-cli allocators list&apos;; add one with &apos;alloclab-cli allocators add&apos;).</source>
        <translation>Gruppe %1: Im Katalog gibt es keinen Allokator &apos;%2&apos; (siehe &apos;alloclab-cli allocators list&apos;; einen hinzufügen mit &apos;alloclab-cli allocators add&apos;).</translation>
    </message>
    <message>
        <source>Group %1: the label &apos;%2&apos; may contain only letters, digits and . + - (at most 32); it names the file group_%1_&lt;label&gt;.txt.</source>
        <translation>Gruppe %1: Die Bezeichnung &apos;%2&apos; darf nur Buchstaben, Ziffern und . + - enthalten (höchstens 32); sie benennt die Datei group_%1_&lt;label&gt;.txt.</translation>
    </message>
    <message>
        <source>An experiment named &apos;%1&apos; exists already; choose another name.</source>
        <translation>Ein Experiment namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Created experiment &apos;%1&apos; with groups %2.</source>
        <translation>Experiment &apos;%1&apos; mit den Gruppen %2 angelegt.</translation>
    </message>
    <message>
        <source>&apos;experiment assign&apos; needs NAME, a group LETTER (or &apos;-&apos; for none) and at least one RELAY.</source>
        <translation>&apos;experiment assign&apos; braucht NAME, einen Gruppen-BUCHSTABEN (oder &apos;-&apos; für keine) und mindestens ein RELAY.</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos; (see &apos;alloclab-cli experiment list&apos;).</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos; (siehe &apos;alloclab-cli experiment list&apos;).</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos; has no group &apos;%2&apos; (groups: %3).</source>
        <translation>Experiment &apos;%1&apos; hat keine Gruppe &apos;%2&apos; (Gruppen: %3).</translation>
    </message>
    <message>
        <source>Nothing was assigned.</source>
        <translation>Nichts wurde zugeordnet.</translation>
    </message>
    <message>
        <source>Took %1 relays out of the groups of &apos;%2&apos;.</source>
        <translation>%1 Relays aus den Gruppen von &apos;%2&apos; genommen.</translation>
    </message>
    <message>
        <source>Assigned %1 relays to group %2 of &apos;%3&apos;; the group has %4 relays now.</source>
        <translation>%1 Relays der Gruppe %2 von &apos;%3&apos; zugeordnet; die Gruppe hat jetzt %4 Relays.</translation>
    </message>
    <message>
        <source>Note: group %1 has fewer than %2 relays, too few to compare.</source>
        <translation>Hinweis: Gruppe %1 hat weniger als %2 Relays, zu wenige für einen Vergleich.</translation>
    </message>
    <message>
        <source>&apos;experiment list&apos; takes no arguments.</source>
        <translation>&apos;experiment list&apos; nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>%1 relays</source>
        <translation>%1 Relays</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>No experiments yet; create one with &apos;alloclab-cli experiment create&apos;.</source>
        <translation>Noch keine Experimente; legen Sie eines mit &apos;alloclab-cli experiment create&apos; an.</translation>
    </message>
    <message>
        <source>&apos;experiment show&apos; needs exactly one NAME.</source>
        <translation>&apos;experiment show&apos; braucht genau einen NAMEN.</translation>
    </message>
    <message>
        <source>Hypothesis: %1</source>
        <translation>Hypothese: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Planned, not started</source>
        <translation>Geplant, nicht gestartet</translation>
    </message>
    <message>
        <source>Group %1 %2 (%3): %4 relays</source>
        <translation>Gruppe %1 %2 (%3): %4 Relays</translation>
    </message>
    <message>
        <source>%1 relays run another allocator (deploy to apply).</source>
        <translation>%1 Relays laufen mit einem anderen Allokator (Ausrollen wendet ihn an).</translation>
    </message>
    <message>
        <source>&apos;experiment export-groups&apos; needs NAME and DIR.</source>
        <translation>&apos;experiment export-groups&apos; braucht NAME und ORDNER.</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>&apos;experiment import-groups&apos; needs NAME and at least one PATH.</source>
        <translation>&apos;experiment import-groups&apos; braucht NAME und mindestens einen PFAD.</translation>
    </message>
    <message>
        <source>Imported into &apos;%1&apos;: %2</source>
        <translation>In &apos;%1&apos; importiert: %2</translation>
    </message>
    <message>
        <source>&apos;allocators list&apos; takes no arguments.</source>
        <translation>&apos;allocators list&apos; nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>(no preload)</source>
        <translation>(kein Preload)</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigener</translation>
    </message>
    <message>
        <source>on %1: %2</source>
        <translation>auf %1: %2</translation>
    </message>
    <message>
        <source>&apos;allocators add&apos; needs ID, --name TEXT and --path PATH (--version V and --sha256 HEX are optional).</source>
        <translation>&apos;allocators add&apos; braucht ID, --name TEXT und --path PFAD (--version V und --sha256 HEX sind optional).</translation>
    </message>
    <message>
        <source>An allocator with id &apos;%1&apos; exists already (see &apos;alloclab-cli allocators list&apos;).</source>
        <translation>Ein Allokator mit der ID &apos;%1&apos; existiert bereits (siehe &apos;alloclab-cli allocators list&apos;).</translation>
    </message>
    <message>
        <source>Added allocator %1: %2 %3 at %4.</source>
        <translation>Allokator %1 hinzugefügt: %2 %3 unter %4.</translation>
    </message>
    <message>
        <source>&apos;allocators set-path&apos; needs ID, --host NAME and PATH (no PATH: back to the default).</source>
        <translation>&apos;allocators set-path&apos; braucht ID, --host NAME und PFAD (ohne PFAD: zurück zum Standard).</translation>
    </message>
    <message>
        <source>There is no host named &apos;%1&apos; (see &apos;alloclab-cli hosts list&apos;).</source>
        <translation>Es gibt keinen Host namens &apos;%1&apos; (siehe &apos;alloclab-cli hosts list&apos;).</translation>
    </message>
    <message>
        <source>There is no allocator &apos;%1&apos; (see &apos;alloclab-cli allocators list&apos;).</source>
        <translation>Es gibt keinen Allokator &apos;%1&apos; (siehe &apos;alloclab-cli allocators list&apos;).</translation>
    </message>
    <message>
        <source>glibc is never preloaded; it has no path.</source>
        <translation>glibc wird nie vorgeladen; es hat keinen Pfad.</translation>
    </message>
    <message>
        <source>%1 on %2 uses the default path again.</source>
        <translation>%1 auf %2 verwendet wieder den Standardpfad.</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>No hosts to check; add one with &apos;alloclab-cli hosts add&apos;.</source>
        <translation>Keine Hosts zu prüfen; fügen Sie einen mit &apos;alloclab-cli hosts add&apos; hinzu.</translation>
    </message>
    <message>
        <source>Option &apos;%1&apos; needs a whole number &gt;= %2, not &apos;%3&apos;.</source>
        <translation>Option &apos;%1&apos; braucht eine ganze Zahl &gt;= %2, nicht &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>--allocator ID is required.</source>
        <translation>--allocator ID ist erforderlich.</translation>
    </message>
    <message>
        <source>--experiment NAME is required.</source>
        <translation>--experiment NAME ist erforderlich.</translation>
    </message>
    <message>
        <source>Reading the relays&apos; state from the hosts ...</source>
        <translation>Lese den Zustand der Relays von den Hosts ...</translation>
    </message>
    <message>
        <source>The plan was refused; nothing was changed.</source>
        <translation>Der Plan wurde abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Every relay is already as wanted; nothing to do.</source>
        <translation>Jedes Relay ist bereits wie gewünscht; nichts zu tun.</translation>
    </message>
    <message>
        <source>Not on a terminal and no --yes: nothing was changed. Review the plan above (or --dry-run) and run again with --yes.</source>
        <translation>Kein Terminal und kein --yes: nichts wurde geändert. Prüfen Sie den Plan oben (oder --dry-run) und starten Sie erneut mit --yes.</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was changed.</source>
        <translation>Nicht bestätigt: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>deploy an experiment&apos;s allocators (canary, batches, verified)</source>
        <translation>die Allokatoren eines Experiments ausrollen (Testrelay, Stapel, geprüft)</translation>
    </message>
    <message>
        <source>restore every relay&apos;s state from before the experiment</source>
        <translation>den Zustand jedes Relays von vor dem Experiment wiederherstellen</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>report needs the folder to write into.</source>
        <translation>report braucht den Ordner, in den geschrieben wird.</translation>
    </message>
    <message>
        <source>Drawing a report needs a QApplication (internal error).</source>
        <translation>Das Zeichnen eines Berichts braucht eine QApplication (interner Fehler).</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos; in %2.</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos; in %2.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>**Hypothesis:** %1</source>
        <translation>**Hypothese:** %1</translation>
    </message>
    <message>
        <source>## Groups</source>
        <translation>## Gruppen</translation>
    </message>
    <message>
        <source>| Group | Label | Allocator | Relays |</source>
        <translation>| Gruppe | Bezeichnung | Allokator | Relays |</translation>
    </message>
    <message>
        <source>## Summary</source>
        <translation>## Auswertung</translation>
    </message>
    <message>
        <source>No samples yet.</source>
        <translation>Noch keine Messwerte.</translation>
    </message>
    <message>
        <source>## Charts</source>
        <translation>## Diagramme</translation>
    </message>
    <message>
        <source>AllocLab report: %1</source>
        <translation>AllocLab-Bericht: %1</translation>
    </message>
    <message>
        <source>Written by AllocLab %1 on %2 (UTC) from %3.</source>
        <translation>Geschrieben von AllocLab %1 am %2 (UTC) aus %3.</translation>
    </message>
    <message>
        <source>- `REPORT.md`: the experiment, its groups, the summary and the charts</source>
        <translation>- `REPORT.md`: das Experiment, seine Gruppen, die Auswertung und die Diagramme</translation>
    </message>
    <message>
        <source>The CSV files are in the TorUtils formats: `alloclab-cli import` and the TorUtils scripts read them back.</source>
        <translation>Die CSV-Dateien sind in den TorUtils-Formaten: `alloclab-cli import` und die TorUtils-Skripte lesen sie wieder ein.</translation>
    </message>
    <message>
        <source>write a report folder (Markdown, CSVs, group files, charts)</source>
        <translation>einen Berichtsordner schreiben (Markdown, CSVs, Gruppendateien, Diagramme)</translation>
    </message>
    <message>
        <source>&apos;allocators check&apos; takes only --host NAME, --allocator ID, --accept-new, --connect-timeout S, --command-timeout S and --dry-run.</source>
        <translation>&apos;allocators check&apos; nimmt nur --host NAME, --allocator ID, --accept-new, --connect-timeout S, --command-timeout S und --dry-run.</translation>
    </message>
    <message>
        <source>&apos;--%1&apos; needs a number of seconds (0 &lt; s &lt;= 3600).</source>
        <translation>&apos;--%1&apos; braucht eine Anzahl Sekunden (0 &lt; s &lt;= 3600).</translation>
    </message>
    <message>
        <source>glibc is never preloaded; there is no library to check.</source>
        <translation>glibc wird nie vorgeladen; es gibt keine Bibliothek zu prüfen.</translation>
    </message>
    <message>
        <source>%1: checked</source>
        <translation>%1: geprüft</translation>
    </message>
    <message>
        <source>%1: failed</source>
        <translation>%1: fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: no answer in time</source>
        <translation>%1: keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>host %1 was not checked: %2</source>
        <translation>Host %1 wurde nicht geprüft: %2</translation>
    </message>
    <message>
        <source>the results were not stored: %1</source>
        <translation>die Ergebnisse wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Wrote %1 rows of relay settings (relay_config.csv).</source>
        <translation>%1 Zeilen mit Relay-Einstellungen geschrieben (relay_config.csv).</translation>
    </message>
    <message>
        <source>Relay settings: %1 new or changed.</source>
        <translation>Relay-Einstellungen: %1 neu oder geändert.</translation>
    </message>
    <message>
        <source>Change %1 on %2? [y/N] </source>
        <translation>%1 auf %2 ändern? [y/N] </translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>expected a closing quote before the end of the file</source>
        <translation>schließendes Anführungszeichen vor dem Dateiende erwartet</translation>
    </message>
    <message>
        <source>expected a comma or the end of the line after a closing quote</source>
        <translation>Komma oder Zeilenende nach einem schließenden Anführungszeichen erwartet</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank ist geöffnet.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full; nothing from %2 was stored. Free some space: the next attempt stores again.</source>
        <translation>Der Datenträger mit %1 ist voll; nichts wurde gespeichert (%2). Geben Sie Speicherplatz frei: Der nächste Versuch speichert erneut.</translation>
    </message>
    <message>
        <source>%1 stayed locked by another program for more than %2 s; nothing from %3 was stored. Try again.</source>
        <translation>%1 blieb länger als %2 s von einem anderen Programm gesperrt; nichts wurde gespeichert (%3). Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). AllocLab changed nothing; restore a backup, or try sqlite3&apos;s .recover on a copy.</source>
        <translation>%1 ist beschädigt (%2). AllocLab hat nichts verändert; spielen Sie eine Sicherung zurück oder versuchen Sie .recover von sqlite3 an einer Kopie.</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2); nothing from %3 was stored. Check the permissions of the file and its folder.</source>
        <translation>%1 kann nicht geschrieben werden (%2); nichts wurde gespeichert (%3). Prüfen Sie die Berechtigungen der Datei und ihres Ordners.</translation>
    </message>
    <message>
        <source>Reading or writing %1 failed (%2); nothing from %3 was stored.</source>
        <translation>Lesen oder Schreiben von %1 ist fehlgeschlagen (%2); nichts wurde gespeichert (%3).</translation>
    </message>
    <message>
        <source>The database %1 refused %2 (%3); nothing of it was stored.</source>
        <translation>Die Datenbank %1 hat abgelehnt: %2 (%3); nichts davon wurde gespeichert.</translation>
    </message>
    <message>
        <source>The database %1 failed on %2: %3.</source>
        <translation>Fehler der Datenbank %1 (%2): %3.</translation>
    </message>
    <message>
        <source>a statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>Es wurde keine Datenbankdatei angegeben.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not an AllocLab database (it is not an SQLite file, or it is damaged). Nothing was changed; choose another file.</source>
        <translation>%1 ist keine AllocLab-Datenbank (keine SQLite-Datei, oder sie ist beschädigt). Nichts wurde verändert; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written (the file or its folder is read-only). Nothing was changed; check the permissions.</source>
        <translation>%1 kann nicht geschrieben werden (die Datei oder ihr Ordner ist schreibgeschützt). Nichts wurde verändert; prüfen Sie die Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an AllocLab database. Nothing was changed; choose another file.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms, keine AllocLab-Datenbank. Nichts wurde verändert; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>%1 was written by a newer AllocLab (schema %2, this version knows %3); upgrade AllocLab. Nothing was changed.</source>
        <translation>%1 wurde von einem neueren AllocLab geschrieben (Schema %2, diese Version kennt %3); aktualisieren Sie AllocLab. Nichts wurde verändert.</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (the file system may not support it).</source>
        <translation>%1 kann kein Write-Ahead-Logging verwenden (das Dateisystem unterstützt es eventuell nicht).</translation>
    </message>
    <message>
        <source>the schema upgrade</source>
        <translation>Schema-Aktualisierung</translation>
    </message>
    <message>
        <source>Upgrading %1 from schema %2 to %3 failed (%4); the file was left at schema %2.</source>
        <translation>Die Aktualisierung von %1 von Schema %2 auf %3 ist fehlgeschlagen (%4); die Datei blieb bei Schema %2.</translation>
    </message>
    <message>
        <source>the checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>a query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>A transaction is already open on %1.</source>
        <translation>Auf %1 ist bereits eine Transaktion offen.</translation>
    </message>
    <message>
        <source>this change</source>
        <translation>diese Änderung</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Ein Host braucht einen Namen.</translation>
    </message>
    <message>
        <source>the host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>the host list</source>
        <translation>Host-Liste</translation>
    </message>
    <message>
        <source>a host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>removing the host %1</source>
        <translation>Entfernen des Hosts %1</translation>
    </message>
    <message>
        <source>There is no host named &apos;%1&apos;.</source>
        <translation>Es gibt keinen Host namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>A relay needs a fingerprint, a host and instance, or a nickname to be recognised.</source>
        <translation>Ein Relay braucht einen Fingerabdruck, Host und Instanz oder einen Nickname, um erkannt zu werden.</translation>
    </message>
    <message>
        <source>the relay %1</source>
        <translation>Relay %1</translation>
    </message>
    <message>
        <source>the relay list</source>
        <translation>Relay-Liste</translation>
    </message>
    <message>
        <source>a relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>the allocator catalog</source>
        <translation>Allokator-Katalog</translation>
    </message>
    <message>
        <source>the allocator %1</source>
        <translation>Allokator %1</translation>
    </message>
    <message>
        <source>An allocator needs an id.</source>
        <translation>Ein Allokator braucht eine ID.</translation>
    </message>
    <message>
        <source>removing the allocator %1</source>
        <translation>Entfernen des Allokators %1</translation>
    </message>
    <message>
        <source>There is no allocator &apos;%1&apos;.</source>
        <translation>Es gibt keinen Allokator &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>the path of %1 on a host</source>
        <translation>Pfad von %1 auf einem Host</translation>
    </message>
    <message>
        <source>An experiment needs a name.</source>
        <translation>Ein Experiment braucht einen Namen.</translation>
    </message>
    <message>
        <source>Group &apos;%1&apos; of experiment &apos;%2&apos;: a group is named by one letter A to Z.</source>
        <translation>Gruppe &apos;%1&apos; des Experiments &apos;%2&apos;: Eine Gruppe wird mit einem Buchstaben A bis Z benannt.</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos; lists group %2 twice.</source>
        <translation>Experiment &apos;%1&apos; führt Gruppe %2 doppelt auf.</translation>
    </message>
    <message>
        <source>Group %1 of experiment &apos;%2&apos; names the allocator &apos;%3&apos;, which is not in the catalog (see &apos;alloclab-cli allocators list&apos;).</source>
        <translation>Gruppe %1 des Experiments &apos;%2&apos; nennt den Allokator &apos;%3&apos;, der nicht im Katalog ist (siehe &apos;alloclab-cli allocators list&apos;).</translation>
    </message>
    <message>
        <source>the experiment %1</source>
        <translation>Experiment %1</translation>
    </message>
    <message>
        <source>group %1 of the experiment %2</source>
        <translation>Gruppe %1 des Experiments %2</translation>
    </message>
    <message>
        <source>an experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>the groups of %1</source>
        <translation>Gruppen von %1</translation>
    </message>
    <message>
        <source>the experiment list</source>
        <translation>Experimentliste</translation>
    </message>
    <message>
        <source>removing the experiment %1</source>
        <translation>Entfernen des Experiments %1</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>the assignments</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <source>An assignment names group id %1, which is not a group of this experiment.</source>
        <translation>Eine Zuordnung nennt die Gruppen-ID %1, die keine Gruppe dieses Experiments ist.</translation>
    </message>
    <message>
        <source>Group id %1 is not a group of this experiment.</source>
        <translation>Gruppen-ID %1 ist keine Gruppe dieses Experiments.</translation>
    </message>
    <message>
        <source>the assignment</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Sample %1 of %2 has no relay or no time; nothing of this batch was stored.</source>
        <translation>Messwert %1 von %2 hat kein Relay oder keine Zeit; nichts aus diesem Stapel wurde gespeichert.</translation>
    </message>
    <message>
        <source>the samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>these %1 samples</source>
        <translation>diese %1 Messwerte</translation>
    </message>
    <message>
        <source>the aggregate rows</source>
        <translation>Aggregatzeilen</translation>
    </message>
    <message>
        <source>An event needs a type and a time.</source>
        <translation>Ein Ereignis braucht einen Typ und eine Zeit.</translation>
    </message>
    <message>
        <source>the event &apos;%1&apos;</source>
        <translation>Ereignis &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Host diagnostics need a server and a time.</source>
        <translation>Host-Diagnosen brauchen einen Server und eine Zeit.</translation>
    </message>
    <message>
        <source>the host diagnostics</source>
        <translation>Host-Diagnosen</translation>
    </message>
    <message>
        <source>the deploy log entry</source>
        <translation>Eintrag im Rollout-Protokoll</translation>
    </message>
    <message>
        <source>A poll needs a host and a time; nothing from it was stored.</source>
        <translation>Eine Abfrage braucht einen Host und eine Zeit; nichts daraus wurde gespeichert.</translation>
    </message>
    <message>
        <source>A poll lists %1 relays but %2 samples; nothing from it was stored.</source>
        <translation>Eine Abfrage nennt %1 Relays, aber %2 Messwerte; nichts daraus wurde gespeichert.</translation>
    </message>
    <message>
        <source>this poll</source>
        <translation>diese Abfrage</translation>
    </message>
    <message>
        <source>A poll names host id %1, which does not exist; nothing from it was stored.</source>
        <translation>Eine Abfrage nennt die Host-ID %1, die nicht existiert; nichts daraus wurde gespeichert.</translation>
    </message>
    <message>
        <source>The diagnostics of a poll name host id %1, which does not exist; nothing from it was stored.</source>
        <translation>Die Diagnosen einer Abfrage nennen die Host-ID %1, die nicht existiert; nichts daraus wurde gespeichert.</translation>
    </message>
    <message>
        <source>reading the series</source>
        <translation>Lesen der Zeitreihen</translation>
    </message>
    <message>
        <source>reading the snapshot</source>
        <translation>Lesen der Momentaufnahme</translation>
    </message>
    <message>
        <source>reading the sample times</source>
        <translation>Lesen der Messzeitpunkte</translation>
    </message>
    <message>
        <source>reading the aggregates</source>
        <translation>Lesen der Aggregate</translation>
    </message>
    <message>
        <source>reading the events</source>
        <translation>Lesen der Ereignisse</translation>
    </message>
    <message>
        <source>reading the host diagnostics</source>
        <translation>Lesen der Host-Diagnosen</translation>
    </message>
    <message>
        <source>reading the deploy log</source>
        <translation>Lesen des Rollout-Protokolls</translation>
    </message>
    <message>
        <source>reading the last poll</source>
        <translation>Lesen der letzten Abfrage</translation>
    </message>
    <message>
        <source>counting the rows</source>
        <translation>Zählen der Zeilen</translation>
    </message>
    <message>
        <source>%1 already exists; a backup never overwrites a file. Choose a new name.</source>
        <translation>%1 existiert bereits; eine Sicherung überschreibt nie eine Datei. Wählen Sie einen neuen Namen.</translation>
    </message>
    <message>
        <source>A database cannot be backed up onto itself.</source>
        <translation>Eine Datenbank kann nicht auf sich selbst gesichert werden.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be created: %2.</source>
        <translation>Die Sicherung %1 kann nicht angelegt werden: %2.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be started: %2.</source>
        <translation>Die Sicherung %1 kann nicht gestartet werden: %2.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full; the backup was not made and the incomplete copy was removed.</source>
        <translation>Der Datenträger mit %1 ist voll; die Sicherung wurde nicht erstellt und die unvollständige Kopie entfernt.</translation>
    </message>
    <message>
        <source>The backup to %1 failed (%2); the incomplete copy was removed.</source>
        <translation>Die Sicherung nach %1 ist fehlgeschlagen (%2); die unvollständige Kopie wurde entfernt.</translation>
    </message>
    <message>
        <source>The backup to %1 failed while closing (%2); the incomplete copy was removed.</source>
        <translation>Die Sicherung nach %1 ist beim Schließen fehlgeschlagen (%2); die unvollständige Kopie wurde entfernt.</translation>
    </message>
    <message>
        <source>the integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>the check of %1 on a host</source>
        <translation>Prüfung von %1 auf einem Host</translation>
    </message>
    <message>
        <source>the allocator checks</source>
        <translation>Allokator-Prüfungen</translation>
    </message>
    <message>
        <source>Sample %1 of %2 names relay %3, which the database does not know; nothing of this batch was stored.</source>
        <translation>Messwert %1 von %2 nennt Relay %3, das die Datenbank nicht kennt; nichts aus diesem Stapel wurde gespeichert.</translation>
    </message>
    <message>
        <source>reading the latest samples</source>
        <translation>Lesen der neuesten Messwerte</translation>
    </message>
    <message>
        <source>it starts at %1, not at %2</source>
        <translation>er beginnt bei %1, nicht bei %2</translation>
    </message>
    <message>
        <source>the sample block of relay %1 starting at %2: %3</source>
        <translation>der Messwertblock von Relay %1 ab %2: %3</translation>
    </message>
    <message>
        <source>The samples of relay %1 could not be stored: %2.</source>
        <translation>Die Messwerte von Relay %1 konnten nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>A relay setting needs a relay and a name.</source>
        <translation>Eine Relay-Einstellung braucht ein Relay und einen Namen.</translation>
    </message>
    <message>
        <source>the setting %1 of relay %2</source>
        <translation>Einstellung %1 von Relay %2</translation>
    </message>
    <message>
        <source>reading the relay settings</source>
        <translation>Lesen der Relay-Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>The allocator &apos;%1&apos; is used by %n experiment group(s); remove those groups first.</source>
        <translation>
            <numerusform>Der Allokator &apos;%1&apos; wird von %n Experimentgruppe verwendet; entfernen Sie zuerst diese Gruppe.</numerusform>
            <numerusform>Der Allokator &apos;%1&apos; wird von %n Experimentgruppen verwendet; entfernen Sie zuerst diese Gruppen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeployInputs</name>
    <message>
        <source>No experiment named &apos;%1&apos;.</source>
        <translation>Kein Experiment namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Relay %1 or allocator &apos;%2&apos; of group %3 is not in the database.</source>
        <translation>Relay %1 oder Allokator &apos;%2&apos; der Gruppe %3 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>Relay %1 (%2) has no known host and instance; run &apos;fleet&apos; first.</source>
        <translation>Relay %1 (%2) hat keinen bekannten Host und keine Instanz; führen Sie zuerst &apos;fleet&apos; aus.</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos; has no relays assigned.</source>
        <translation>Dem Experiment &apos;%1&apos; sind keine Relays zugeordnet.</translation>
    </message>
    <message>
        <source>No allocator &apos;%1&apos; (see &apos;allocators list&apos;).</source>
        <translation>Kein Allokator &apos;%1&apos; (siehe &apos;allocators list&apos;).</translation>
    </message>
    <message>
        <source>No host named &apos;%1&apos; (see &apos;hosts list&apos;).</source>
        <translation>Kein Host namens &apos;%1&apos; (siehe &apos;hosts list&apos;).</translation>
    </message>
    <message>
        <source>No relays known on the chosen hosts; run &apos;fleet&apos; or &apos;collect --once&apos; first.</source>
        <translation>Auf den gewählten Hosts sind keine Relays bekannt; führen Sie zuerst &apos;fleet&apos; oder &apos;collect --once&apos; aus.</translation>
    </message>
</context>
<context>
    <name>DeployPlan</name>
    <message>
        <source>already %1: left alone</source>
        <translation>bereits %1: unverändert gelassen</translation>
    </message>
    <message>
        <source>drop-in already right, the running process is not: reload and restart</source>
        <translation>Drop-in bereits richtig, der laufende Prozess nicht: neu laden und neu starten</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>never changed by AllocLab: left alone</source>
        <translation>nie von AllocLab geändert: unverändert gelassen</translation>
    </message>
    <message>
        <source>already as before AllocLab (%1): only the backup is removed</source>
        <translation>bereits wie vor AllocLab (%1): nur die Sicherung wird entfernt</translation>
    </message>
    <message>
        <source>custom drop-in</source>
        <translation>eigenes Drop-in</translation>
    </message>
    <message>
        <source>%1 -&gt; %2 (as before AllocLab)</source>
        <translation>%1 -&gt; %2 (wie vor AllocLab)</translation>
    </message>
    <message>
        <source>%1: relay %2 is listed twice</source>
        <translation>%1: Relay %2 ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>zweimal aufgeführt</translation>
    </message>
    <message>
        <source>%1: the state of %2 has not been read from the host</source>
        <translation>%1: der Zustand von %2 wurde nicht vom Host gelesen</translation>
    </message>
    <message>
        <source>state not read</source>
        <translation>Zustand nicht gelesen</translation>
    </message>
    <message>
        <source>not running (%1): left alone</source>
        <translation>läuft nicht (%1): unverändert gelassen</translation>
    </message>
    <message>
        <source>A relay has no host.</source>
        <translation>Ein Relay hat keinen Host.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>write drop-in</source>
        <translation>Drop-in schreiben</translation>
    </message>
    <message>
        <source>remove drop-in</source>
        <translation>Drop-in entfernen</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>neu starten</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>wiederherstellen</translation>
    </message>
    <message>
        <source>forget backup</source>
        <translation>Sicherung verwerfen</translation>
    </message>
    <message>
        <source>Rollback plan</source>
        <translation>Rollback-Plan</translation>
    </message>
    <message>
        <source>Deploy plan</source>
        <translation>Ausroll-Plan</translation>
    </message>
    <message>
        <source>REFUSED: %1</source>
        <translation>ABGELEHNT: %1</translation>
    </message>
    <message>
        <source> (canary)</source>
        <translation> (Testrelay)</translation>
    </message>
    <message>
        <source> (absent)</source>
        <translation> (nicht vorhanden)</translation>
    </message>
    <message>
        <source>-- batch %1%2: %3</source>
        <translation>-- Stapel %1%2: %3</translation>
    </message>
    <message>
        <source>   1. drop-ins and one daemon-reload; stdin of `%1` (`%2` as root):</source>
        <translation>   1. Drop-ins und ein daemon-reload; Standardeingabe von `%1` (`%2` als root):</translation>
    </message>
    <message>
        <source>   2. restarts with jitter:</source>
        <translation>   2. Neustarts mit Jitter:</translation>
    </message>
    <message>
        <source>   3. verify each relay: active, new MainPID, the library in /proc/PID/maps (none for glibc), still the same PID after the settle time; a failing relay is restored from its backup.</source>
        <translation>   3. jedes Relay prüfen: aktiv, neue MainPID, die Bibliothek in /proc/PID/maps (keine bei glibc), nach der Beruhigungszeit noch dieselbe PID; ein fehlschlagendes Relay wird aus seiner Sicherung wiederhergestellt.</translation>
    </message>
    <message>
        <source>%1: %2 to change on %3; batches of %4, canary %5 per host</source>
        <translation>%1: %2 auf %3 zu ändern; Stapel zu %4, %5 Testrelay(s) je Host</translation>
    </message>
    <message numerus="yes">
        <source>== host %1: %2 of %n relay(s) change</source>
        <translation>
            <numerusform>== Host %1: %2 von %n Relay ändern sich</numerusform>
            <numerusform>== Host %1: %2 von %n Relays ändern sich</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Distribute</name>
    <message>
        <source>Group sizes must not be negative.</source>
        <translation>Gruppengrößen dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>The groups ask for %1 relays but only %2 are selected.</source>
        <translation>Die Gruppen verlangen %1 Relays, aber nur %2 sind ausgewählt.</translation>
    </message>
</context>
<context>
    <name>ExperimentIo</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos; (see &apos;alloclab-cli experiment list&apos;).</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos; (siehe &apos;alloclab-cli experiment list&apos;).</translation>
    </message>
    <message>
        <source>Relay %1 is not in the database yet; refresh the fleet first.</source>
        <translation>Relay %1 ist noch nicht in der Datenbank; aktualisieren Sie zuerst die Flotte.</translation>
    </message>
    <message>
        <source>Relay &apos;%1&apos; is not known in the database: give a nickname, a fingerprint or host/instance of a relay seen by &apos;alloclab-cli collect --once&apos; or imported with &apos;alloclab-cli import&apos;.</source>
        <translation>Relay &apos;%1&apos; ist in der Datenbank unbekannt: Geben Sie Nickname, Fingerabdruck oder Host/Instanz eines Relays an, das &apos;alloclab-cli collect --once&apos; gesehen oder &apos;alloclab-cli import&apos; importiert hat.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches %2 relays (%3): give host/instance or the fingerprint.</source>
        <translation>&apos;%1&apos; passt auf %2 Relays (%3): Geben Sie Host/Instanz oder den Fingerabdruck an.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1: not a group file (group_&lt;LETTER&gt;_&lt;label&gt;.txt) nor relay_config.csv.</source>
        <translation>%1: weder eine Gruppendatei (group_&lt;LETTER&gt;_&lt;label&gt;.txt) noch relay_config.csv.</translation>
    </message>
    <message>
        <source>%1: experiment &apos;%2&apos; has no group %3.</source>
        <translation>%1: Experiment &apos;%2&apos; hat keine Gruppe %3.</translation>
    </message>
    <message>
        <source>%1: %2 is also listed in group %3 (%4); a relay is in at most one group.</source>
        <translation>%1: %2 steht auch in Gruppe %3 (%4); ein Relay ist in höchstens einer Gruppe.</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Nichts wurde importiert:</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… und %1 weitere.</translation>
    </message>
    <message>
        <source>group %1: %2 relays</source>
        <translation>Gruppe %1: %2 Relays</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 cannot be created.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Wrote %1 files: %2 samples, %3 aggregates, %4 events, %5 diagnostics rows, %6 groups.</source>
        <translation>%1 Dateien geschrieben: %2 Messwerte, %3 Aggregate, %4 Ereignisse, %5 Diagnosezeilen, %6 Gruppen.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>Host-Schlüssel unbekannt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <source>no sudo</source>
        <translation>kein sudo</translation>
    </message>
    <message>
        <source>%1, kernel %2, tor %3</source>
        <translation>%1, Kernel %2, tor %3</translation>
    </message>
    <message>
        <source>Memory: %1 available of %2, load %3</source>
        <translation>Speicher: %1 von %2 verfügbar, Last %3</translation>
    </message>
    <message>
        <source>Without sudo the loaded allocator cannot be read. Add to sudoers (visudo): %1</source>
        <translation>Ohne sudo lässt sich der geladene Allokator nicht lesen. In sudoers eintragen (visudo): %1</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (fehlt)</translation>
    </message>
    <message>
        <source>Invalid, never used in a command: %1</source>
        <translation>Ungültig, wird nie in einem Befehl verwendet: %1</translation>
    </message>
    <message>
        <source>Fingerprint not readable without sudo.</source>
        <translation>Fingerabdruck ohne sudo nicht lesbar.</translation>
    </message>
    <message>
        <source>PID %1, RSS %2, peak %3, VmSize %4</source>
        <translation>PID %1, RSS %2, Spitze %3, VmSize %4</translation>
    </message>
    <message>
        <source>Configured LD_PRELOAD: %1</source>
        <translation>Konfiguriertes LD_PRELOAD: %1</translation>
    </message>
    <message>
        <source>A configured library does not exist on the host.</source>
        <translation>Eine konfigurierte Bibliothek existiert auf dem Host nicht.</translation>
    </message>
    <message>
        <source>Loaded allocator: unknown (needs sudo)</source>
        <translation>Geladener Allokator: unbekannt (braucht sudo)</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Geladen: %1</translation>
    </message>
    <message>
        <source>The loaded allocator differs from the configured one.</source>
        <translation>Der geladene Allokator weicht vom konfigurierten ab.</translation>
    </message>
    <message>
        <source>Needs a restart: the configuration changed after it started.</source>
        <translation>Braucht einen Neustart: Die Konfiguration wurde nach dem Start geändert.</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Peak (HWM)</source>
        <translation>Spitze (HWM)</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>Konfiguriert</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>REFUSED: host key CHANGED</source>
        <translation>ABGELEHNT: Host-Schlüssel GEÄNDERT</translation>
    </message>
</context>
<context>
    <name>GroupFiles</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a relay nickname (1 to 19 letters or digits).</source>
        <translation>&apos;%1&apos; ist kein Relay-Nickname (1 bis 19 Buchstaben oder Ziffern).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice.</source>
        <translation>&apos;%1&apos; ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>expected a header line</source>
        <translation>Kopfzeile erwartet</translation>
    </message>
    <message>
        <source>the header needs &apos;group&apos; and &apos;nickname&apos; or &apos;fingerprint&apos;</source>
        <translation>die Kopfzeile braucht &apos;group&apos; und &apos;nickname&apos; oder &apos;fingerprint&apos;</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>%1 Felder erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a relay nickname</source>
        <translation>&apos;%1&apos; ist kein Relay-Nickname</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a fingerprint (40 hex digits)</source>
        <translation>&apos;%1&apos; ist kein Fingerabdruck (40 Hexziffern)</translation>
    </message>
    <message>
        <source>needs a nickname or a fingerprint</source>
        <translation>braucht einen Nickname oder einen Fingerabdruck</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is not a letter A-Z</source>
        <translation>Gruppe &apos;%1&apos; ist kein Buchstabe A-Z</translation>
    </message>
    <message>
        <source>relay &apos;%1&apos; is listed twice</source>
        <translation>Relay &apos;%1&apos; ist doppelt aufgeführt</translation>
    </message>
</context>
<context>
    <name>HostDeployExecutor</name>
    <message>
        <source>the inspect script failed (exit %1): %2</source>
        <translation>das Inspektionsskript ist fehlgeschlagen (Exit %1): %2</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>schreibe</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>starte neu</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>prüfe</translation>
    </message>
    <message>
        <source>verified new</source>
        <translation>neu bestätigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>setze zurück</translation>
    </message>
    <message>
        <source>verified old</source>
        <translation>alt bestätigt</translation>
    </message>
    <message>
        <source>rollback failed</source>
        <translation>Zurücksetzen fehlgeschlagen</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1: %2; %3 verified new, %4 unchanged, %5 rolled back, %6 failed, %7 not started</source>
        <translation>%1: %2; %3 neu bestätigt, %4 unverändert, %5 zurückgesetzt, %6 fehlgeschlagen, %7 nicht gestartet</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>The rollout was aborted after the batch in flight.</source>
        <translation>Der Rollout wurde nach dem laufenden Stapel abgebrochen.</translation>
    </message>
    <message>
        <source>remote script failed (exit %1): %2</source>
        <translation>entferntes Skript fehlgeschlagen (Exit %1): %2</translation>
    </message>
    <message>
        <source>reconnected; re-reading every relay</source>
        <translation>wieder verbunden; lese jedes Relay neu</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>keine Verbindung möglich: %1</translation>
    </message>
    <message>
        <source>connection lost (%1); resume re-reads every relay from the host</source>
        <translation>Verbindung verloren (%1); beim Fortsetzen wird jedes Relay neu vom Host gelesen</translation>
    </message>
    <message>
        <source>the connection was lost while it was being changed; a resume re-reads it</source>
        <translation>die Verbindung ging verloren, während es geändert wurde; beim Fortsetzen wird es neu gelesen</translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>die Verbindung ging verloren</translation>
    </message>
    <message>
        <source>%1 does not exist (LoadState %2)</source>
        <translation>%1 existiert nicht (LoadState %2)</translation>
    </message>
    <message>
        <source>%1 is missing or not readable (wanted by %2)</source>
        <translation>%1 fehlt oder ist nicht lesbar (benötigt von %2)</translation>
    </message>
    <message>
        <source>the drop-in directory %1 is not writable</source>
        <translation>das Drop-in-Verzeichnis %1 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>the state directory %1 is not writable</source>
        <translation>das Zustandsverzeichnis %1 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>preflight failed, nothing was changed: %1</source>
        <translation>Vorabprüfung fehlgeschlagen, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>cannot read the relays: %1</source>
        <translation>die Relays können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>verified after reconnecting</source>
        <translation>nach erneutem Verbinden bestätigt</translation>
    </message>
    <message>
        <source>aborted before this batch</source>
        <translation>vor diesem Stapel abgebrochen</translation>
    </message>
    <message>
        <source>halted: too many failures</source>
        <translation>angehalten: zu viele Fehlschläge</translation>
    </message>
    <message>
        <source>already as before AllocLab; backup removed</source>
        <translation>bereits wie vor AllocLab; Sicherung entfernt</translation>
    </message>
    <message>
        <source>canary: </source>
        <translation>Testrelay: </translation>
    </message>
    <message>
        <source>writing the drop-in failed</source>
        <translation>das Schreiben des Drop-ins ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>daemon-reload failed</source>
        <translation>daemon-reload ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>runs %1 (PID %2)</source>
        <translation>läuft mit %1 (PID %2)</translation>
    </message>
    <message>
        <source>its previous drop-in</source>
        <translation>sein vorheriges Drop-in</translation>
    </message>
    <message>
        <source>verified %1, PID %2</source>
        <translation>%1 bestätigt, PID %2</translation>
    </message>
    <message>
        <source>%1; restoring the previous drop-in failed: %2</source>
        <translation>%1; das Wiederherstellen des vorherigen Drop-ins ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>rolled back to %1 after: %2</source>
        <translation>auf %1 zurückgesetzt nach: %2</translation>
    </message>
    <message>
        <source>%1; rollback failed too: %2</source>
        <translation>%1; auch das Zurücksetzen ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>restored and verified</source>
        <translation>wiederhergestellt und bestätigt</translation>
    </message>
    <message>
        <source>a preload is still active in PID %1 (maps: %2, LD_PRELOAD: %3)</source>
        <translation>in PID %1 ist noch ein Preload aktiv (maps: %2, LD_PRELOAD: %3)</translation>
    </message>
    <message>
        <source>%1 is not loaded in PID %2 (not in /proc/%2/maps; loaded allocator: %3)</source>
        <translation>%1 ist in PID %2 nicht geladen (nicht in /proc/%2/maps; geladener Allokator: %3)</translation>
    </message>
    <message>
        <source>the unit failed to start</source>
        <translation>die Unit konnte nicht starten</translation>
    </message>
    <message>
        <source>not back with a new PID within %1 s (state %2, PID %3)</source>
        <translation>nicht innerhalb von %1 s mit neuer PID zurück (Zustand %2, PID %3)</translation>
    </message>
    <message>
        <source>did not stay up: after %1 s the state is %2 with PID %3 (was %4)</source>
        <translation>ist nicht aktiv geblieben: nach %1 s ist der Zustand %2 mit PID %3 (war %4)</translation>
    </message>
    <message numerus="yes">
        <source>The rollout HALTED after %n failed relay(s).</source>
        <translation>
            <numerusform>Der Rollout wurde nach %n fehlgeschlagenen Relay ANGEHALTEN.</numerusform>
            <numerusform>Der Rollout wurde nach %n fehlgeschlagenen Relays ANGEHALTEN.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>preflight ok: %n relay(s) to change</source>
        <translation>
            <numerusform>Vorabprüfung ok: %n Relay zu ändern</numerusform>
            <numerusform>Vorabprüfung ok: %n Relays zu ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>restart loop: systemd restarted it %n time(s) during the settle time</source>
        <translation>
            <numerusform>Neustartschleife: systemd hat es während der Beruhigungszeit %n-mal neu gestartet</numerusform>
            <numerusform>Neustartschleife: systemd hat es während der Beruhigungszeit %n-mal neu gestartet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostState</name>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>probing</source>
        <translation>prüfe</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>Host-Schlüssel unbekannt</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde neu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>refused: host key changed</source>
        <translation>abgelehnt: Host-Schlüssel geändert</translation>
    </message>
</context>
<context>
    <name>HostTarget</name>
    <message>
        <source>The host name is empty.</source>
        <translation>Der Hostname ist leer.</translation>
    </message>
    <message>
        <source>The host name is longer than 64 characters.</source>
        <translation>Der Hostname ist länger als 64 Zeichen.</translation>
    </message>
    <message>
        <source>The host name &apos;%1&apos; may contain only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, and must start with a letter or a digit.</source>
        <translation>Der Hostname &apos;%1&apos; darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <source>The target is empty; expected an ssh_config alias, host, user@host, user@host:port or user@[IPv6]:port.</source>
        <translation>Das Ziel ist leer; erwartet wird ein ssh_config-Alias, host, user@host, user@host:port oder user@[IPv6]:port.</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; contains a space or a character that is not printable ASCII.</source>
        <translation>Das Ziel &apos;%1&apos; enthält ein Leerzeichen oder ein Zeichen, das kein druckbares ASCII ist.</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; has an empty user name before &apos;@&apos;.</source>
        <translation>Das Ziel &apos;%1&apos; hat einen leeren Benutzernamen vor &apos;@&apos;.</translation>
    </message>
    <message>
        <source>The user name &apos;%1&apos; is not valid: expected letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or &apos;_&apos;, at most 32 characters.</source>
        <translation>Der Benutzername &apos;%1&apos; ist ungültig: erwartet werden Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder &apos;_&apos;, höchstens 32 Zeichen.</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; opens &apos;[&apos; but never closes it; expected [IPv6 address]:port.</source>
        <translation>Das Ziel &apos;%1&apos; öffnet &apos;[&apos;, schließt es aber nie; erwartet wird [IPv6-Adresse]:port.</translation>
    </message>
    <message>
        <source>Unexpected &apos;%1&apos; after &apos;]&apos; in &apos;%2&apos;; expected &apos;:port&apos; or nothing.</source>
        <translation>Unerwartetes &apos;%1&apos; nach &apos;]&apos; in &apos;%2&apos;; erwartet wird &apos;:port&apos; oder nichts.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; inside [ ] is not a valid IPv6 address.</source>
        <translation>&apos;%1&apos; in [ ] ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IPv6 address; write a port as [address]:port.</source>
        <translation>&apos;%1&apos; ist keine gültige IPv6-Adresse; schreiben Sie einen Port als [Adresse]:port.</translation>
    </message>
    <message>
        <source>The target &apos;%1&apos; has no host name.</source>
        <translation>Das Ziel &apos;%1&apos; hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid IPv4 address.</source>
        <translation>&apos;%1&apos; ist keine gültige IPv4-Adresse.</translation>
    </message>
    <message>
        <source>The host name &apos;%1&apos; is not valid: expected letters, digits and &apos;-&apos; in dot-separated labels (not starting or ending with &apos;-&apos;), at most 253 characters.</source>
        <translation>Der Hostname &apos;%1&apos; ist ungültig: erwartet werden Buchstaben, Ziffern und &apos;-&apos; in durch Punkte getrennten Teilen (nicht mit &apos;-&apos; beginnend oder endend), höchstens 253 Zeichen.</translation>
    </message>
    <message>
        <source>The port &apos;%1&apos; in &apos;%2&apos; is not valid; expected a number from 1 to 65535.</source>
        <translation>Der Port &apos;%1&apos; in &apos;%2&apos; ist ungültig; erwartet wird eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Expected one target on the line, found &apos;%1&apos;; put each target on its own line.</source>
        <translation>Ein Ziel pro Zeile erwartet, &apos;%1&apos; gefunden; setzen Sie jedes Ziel in eine eigene Zeile.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice (first on line %2).</source>
        <translation>&apos;%1&apos; ist doppelt aufgeführt (zuerst in Zeile %2).</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>expected a group file named group_&lt;LETTER&gt;_&lt;label&gt;.txt</source>
        <translation>Gruppendatei mit dem Namen group_&lt;LETTER&gt;_&lt;label&gt;.txt erwartet</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>group %1 has %2 files (%3); choose one with --groups</source>
        <translation>Gruppe %1 hat %2 Dateien (%3); wählen Sie eine mit --groups</translation>
    </message>
    <message>
        <source>--groups names &apos;%1&apos;, which is not among the group files found</source>
        <translation>--groups nennt &apos;%1&apos;, das nicht unter den gefundenen Gruppendateien ist</translation>
    </message>
    <message>
        <source>%1: ... and %2 more rejected rows</source>
        <translation>%1: ... und %2 weitere abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>group %1: relay &apos;%2&apos; is not in the data; skipped</source>
        <translation>Gruppe %1: Relay &apos;%2&apos; ist nicht in den Daten; übersprungen</translation>
    </message>
    <message>
        <source>group %1: nickname &apos;%2&apos; names %3 relays; all are assigned</source>
        <translation>Gruppe %1: Nickname &apos;%2&apos; bezeichnet %3 Relays; alle werden zugeordnet</translation>
    </message>
    <message>
        <source>%1 relays are listed in more than one group and count in each: %2</source>
        <translation>%1 Relays stehen in mehr als einer Gruppe und zählen in jeder: %2</translation>
    </message>
    <message>
        <source>Nothing to import: no TorUtils files were found.</source>
        <translation>Nichts zu importieren: Es wurden keine TorUtils-Dateien gefunden.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was stored: fix the rows above, or skip bad rows.</source>
        <translation>Nichts wurde gespeichert: Korrigieren Sie die Zeilen oben oder überspringen Sie fehlerhafte Zeilen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a second target named &apos;%1&apos;; add it with Fleet → Add Host… under another name.</source>
        <translation>ein zweites Ziel namens &apos;%1&apos;; fügen Sie es mit Flotte → Host hinzufügen… unter einem anderen Namen hinzu.</translation>
    </message>
</context>
<context>
    <name>Poller</name>
    <message>
        <source>Reading the last poll of %1 from %2 failed: %3</source>
        <translation>Das Lesen der letzten Abfrage von %1 aus %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Reading the polls of %1 from %2 failed: %3</source>
        <translation>Das Lesen der Abfragen von %1 aus %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>ProbeParser</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>field %1 is not correctly encoded</source>
        <translation>Feld %1 ist nicht korrekt kodiert</translation>
    </message>
    <message>
        <source>field %1 is not a number: &quot;%2&quot;</source>
        <translation>Feld %1 ist keine Zahl: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 record has %2 fields, expected %3</source>
        <translation>%1-Datensatz hat %2 Felder, erwartet %3</translation>
    </message>
    <message>
        <source>field %1 is not a load average</source>
        <translation>Feld %1 ist kein Load-Average</translation>
    </message>
    <message>
        <source>field cpus is out of range</source>
        <translation>Feld cpus liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>privilege must be root, sudo or none</source>
        <translation>privilege muss root, sudo oder none sein</translation>
    </message>
    <message>
        <source>field preload_ok must be 1, 0 or -</source>
        <translation>Feld preload_ok muss 1, 0 oder - sein</translation>
    </message>
    <message>
        <source>field preload_ok is - but a preload is configured</source>
        <translation>Feld preload_ok ist -, aber ein Preload ist konfiguriert</translation>
    </message>
    <message>
        <source>field main_pid must be a number (0 when not running)</source>
        <translation>Feld main_pid muss eine Zahl sein (0, wenn nicht laufend)</translation>
    </message>
    <message>
        <source>field main_pid is out of range</source>
        <translation>Feld main_pid liegt außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>relay unit must be tor.service or tor@NAME.service</source>
        <translation>Relay-Unit muss tor.service oder tor@NAME.service sein</translation>
    </message>
    <message>
        <source>duplicate relay %1 (first on line %2)</source>
        <translation>Relay %1 doppelt (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>The nickname is not a valid Tor nickname.</source>
        <translation>Der Nickname ist kein gültiger Tor-Nickname.</translation>
    </message>
    <message>
        <source>The fingerprint is not 40 upper-case hex digits.</source>
        <translation>Der Fingerabdruck besteht nicht aus 40 Hexziffern in Großbuchstaben.</translation>
    </message>
    <message>
        <source>the probe printed nothing</source>
        <translation>die Probe hat nichts ausgegeben</translation>
    </message>
    <message>
        <source>the probe output is %1 bytes, more than the limit of %2</source>
        <translation>die Ausgabe der Probe ist %1 Bytes groß, mehr als das Limit von %2</translation>
    </message>
    <message>
        <source>line is longer than %1 bytes</source>
        <translation>Zeile ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>output ends in the middle of a line (cut off)</source>
        <translation>die Ausgabe endet mitten in einer Zeile (abgeschnitten)</translation>
    </message>
    <message>
        <source>unexpected text after the end record</source>
        <translation>unerwarteter Text nach dem end-Datensatz</translation>
    </message>
    <message>
        <source>expected the header &quot;%1&quot;</source>
        <translation>Kopfzeile &quot;%1&quot; erwartet</translation>
    </message>
    <message>
        <source>unsupported probe grammar version &quot;%1&quot;, this build reads version %2</source>
        <translation>nicht unterstützte Grammatikversion der Probe &quot;%1&quot;, diese Version liest Version %2</translation>
    </message>
    <message>
        <source>empty line</source>
        <translation>leere Zeile</translation>
    </message>
    <message>
        <source>unexpected byte 0x%1</source>
        <translation>unerwartetes Byte 0x%1</translation>
    </message>
    <message>
        <source>empty field (fields are separated by exactly one space)</source>
        <translation>leeres Feld (Felder sind durch genau ein Leerzeichen getrennt)</translation>
    </message>
    <message>
        <source>expected a host record</source>
        <translation>host-Datensatz erwartet</translation>
    </message>
    <message>
        <source>expected a meminfo record</source>
        <translation>meminfo-Datensatz erwartet</translation>
    </message>
    <message>
        <source>expected a load record</source>
        <translation>load-Datensatz erwartet</translation>
    </message>
    <message>
        <source>expected a priv record</source>
        <translation>priv-Datensatz erwartet</translation>
    </message>
    <message>
        <source>more than %1 relays</source>
        <translation>mehr als %1 Relays</translation>
    </message>
    <message>
        <source>more than %1 warnings</source>
        <translation>mehr als %1 Warnungen</translation>
    </message>
    <message>
        <source>end says %1 relays, but %2 relay records came before it</source>
        <translation>end meldet %1 Relays, aber davor kamen %2 Relay-Datensätze</translation>
    </message>
    <message>
        <source>unknown record &quot;%1&quot;</source>
        <translation>unbekannter Datensatz &quot;%1&quot;</translation>
    </message>
    <message>
        <source>output ends before the end record (cut off)</source>
        <translation>die Ausgabe endet vor dem end-Datensatz (abgeschnitten)</translation>
    </message>
    <message>
        <source>glibc</source>
        <translation>glibc</translation>
    </message>
    <message>
        <source>unknown (needs sudo)</source>
        <translation>unbekannt (braucht sudo)</translation>
    </message>
</context>
<context>
    <name>RelayMime</name>
    <message>
        <source>The dropped relay list is not valid JSON.</source>
        <translation>Die abgelegte Relay-Liste ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The dropped relay list has an unknown version.</source>
        <translation>Die abgelegte Relay-Liste hat eine unbekannte Version.</translation>
    </message>
    <message>
        <source>The dropped relay list contains an invalid relay.</source>
        <translation>Die abgelegte Relay-Liste enthält ein ungültiges Relay.</translation>
    </message>
    <message>
        <source>The drop does not contain relays.</source>
        <translation>Die abgelegten Daten enthalten keine Relays.</translation>
    </message>
</context>
<context>
    <name>RemoteCommands</name>
    <message>
        <source>Relay instance &quot;%1&quot; refused: %2</source>
        <translation>Relay-Instanz &quot;%1&quot; abgelehnt: %2</translation>
    </message>
    <message>
        <source>Library path &quot;%1&quot; refused: %2</source>
        <translation>Bibliothekspfad &quot;%1&quot; abgelehnt: %2</translation>
    </message>
    <message>
        <source>inspect output line %1: %2</source>
        <translation>Inspektionsausgabe Zeile %1: %2</translation>
    </message>
    <message>
        <source>unsupported header</source>
        <translation>nicht unterstützter Kopf</translation>
    </message>
    <message>
        <source>expected the header &quot;alloclab-inspect 1&quot;</source>
        <translation>Kopf &quot;alloclab-inspect 1&quot; erwartet</translation>
    </message>
    <message>
        <source>end count does not match %1 relays</source>
        <translation>die Endzahl passt nicht zu %1 Relays</translation>
    </message>
    <message>
        <source>expected a relay record with 17 fields</source>
        <translation>Relay-Datensatz mit 17 Feldern erwartet</translation>
    </message>
    <message>
        <source>relay index out of range</source>
        <translation>Relay-Index außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>malformed field</source>
        <translation>fehlerhaftes Feld</translation>
    </message>
    <message>
        <source>malformed backup field</source>
        <translation>fehlerhaftes Sicherungsfeld</translation>
    </message>
    <message>
        <source>malformed library field</source>
        <translation>fehlerhaftes Bibliotheksfeld</translation>
    </message>
    <message>
        <source>inspect printed nothing (no header)</source>
        <translation>die Inspektion gab nichts aus (kein Kopf)</translation>
    </message>
    <message>
        <source>inspect output was cut off (no end record)</source>
        <translation>die Inspektionsausgabe wurde abgeschnitten (kein Enddatensatz)</translation>
    </message>
    <message>
        <source>inspect output lacks a relay record</source>
        <translation>der Inspektionsausgabe fehlt ein Relay-Datensatz</translation>
    </message>
    <message>
        <source>A drop-in needs a library path (glibc means removing the drop-in).</source>
        <translation>Ein Drop-in braucht einen Bibliothekspfad (glibc heißt, das Drop-in zu entfernen).</translation>
    </message>
</context>
<context>
    <name>SampleBlock</name>
    <message>
        <source>a sample block cannot be empty</source>
        <translation>ein Messwertblock kann nicht leer sein</translation>
    </message>
    <message>
        <source>a sample block holds at most %1 samples, not %2</source>
        <translation>ein Messwertblock fasst höchstens %1 Messwerte, nicht %2</translation>
    </message>
    <message>
        <source>the times of a sample block must increase (sample %1 of %2)</source>
        <translation>die Zeiten eines Messwertblocks müssen aufsteigen (Messwert %1 von %2)</translation>
    </message>
    <message>
        <source>sample %1 of %2 names allocator %3 of %4</source>
        <translation>Messwert %1 von %2 nennt Allokator %3 von %4</translation>
    </message>
    <message>
        <source>the sample block is damaged (%1)</source>
        <translation>der Messwertblock ist beschädigt (%1)</translation>
    </message>
    <message>
        <source>the sample block has format version %1; this AllocLab reads version %2 (a newer AllocLab wrote it?)</source>
        <translation>der Messwertblock hat Formatversion %1; dieses AllocLab liest Version %2 (hat ihn ein neueres AllocLab geschrieben?)</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>SshRemoteExec</name>
    <message>
        <source>%1: the host key (%2) is not in known_hosts; trust it first (fleet --accept-new).</source>
        <translation>%1: der Host-Schlüssel (%2) ist nicht in known_hosts; vertrauen Sie ihm zuerst (fleet --accept-new).</translation>
    </message>
    <message>
        <source>%1: the host key has CHANGED (%2); refused.</source>
        <translation>%1: der Host-Schlüssel hat sich GEÄNDERT (%2); abgelehnt.</translation>
    </message>
    <message>
        <source>%1: &apos;id -u&apos; failed: %2</source>
        <translation>%1: &apos;id -u&apos; ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: user %2 has no passwordless sudo, which deploying needs. Add to sudoers (visudo): &apos;%2 ALL=(root) NOPASSWD: ALL&apos;</source>
        <translation>%1: Benutzer %2 hat kein sudo ohne Passwort, das das Ausrollen braucht. Ergänzen Sie in sudoers (visudo): &apos;%2 ALL=(root) NOPASSWD: ALL&apos;</translation>
    </message>
    <message>
        <source>%1: not connected</source>
        <translation>%1: nicht verbunden</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <source>could not create an SSH session (out of memory?)</source>
        <translation>SSH-Sitzung konnte nicht erstellt werden (Speicher voll?)</translation>
    </message>
    <message>
        <source>no target to connect to</source>
        <translation>kein Ziel zum Verbinden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a usable host: %2</source>
        <translation>&apos;%1&apos; ist kein verwendbarer Host: %2</translation>
    </message>
    <message>
        <source>the ssh_config file %1 does not exist</source>
        <translation>die ssh_config-Datei %1 existiert nicht</translation>
    </message>
    <message>
        <source>the ssh_config file %1 is not readable</source>
        <translation>die ssh_config-Datei %1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>could not read the ssh_config file %1: %2</source>
        <translation>die ssh_config-Datei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the ssh_config asks for ProxyJump, which libssh 0.10 implements by running the ssh client, but no &apos;ssh&apos; program is installed (install openssh-client)</source>
        <translation>die ssh_config verlangt ProxyJump, das libssh 0.10 durch Aufruf des ssh-Clients umsetzt, aber kein &apos;ssh&apos;-Programm ist installiert (installieren Sie openssh-client)</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <source>connection cancelled</source>
        <translation>Verbindung abgebrochen</translation>
    </message>
    <message>
        <source>connection timed out after %1 s (is sshd running and %2 reachable?)</source>
        <translation>Zeitüberschreitung der Verbindung nach %1 s (läuft sshd und ist %2 erreichbar?)</translation>
    </message>
    <message>
        <source>connection refused by %1 (is sshd running and listening on port %2?)</source>
        <translation>Verbindung von %1 abgelehnt (läuft sshd und lauscht er auf Port %2?)</translation>
    </message>
    <message>
        <source>cannot resolve the host name &apos;%1&apos; (a typo, or a missing ssh_config alias?): %2</source>
        <translation>der Hostname &apos;%1&apos; lässt sich nicht auflösen (ein Tippfehler oder ein fehlender ssh_config-Alias?): %2</translation>
    </message>
    <message>
        <source>could not connect to %1 through the proxy command &apos;%2&apos;: %3</source>
        <translation>Verbindung zu %1 über den Proxy-Befehl &apos;%2&apos; fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>could not connect to %1: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>the server sent no host key</source>
        <translation>der Server hat keinen Host-Schlüssel gesendet</translation>
    </message>
    <message>
        <source>the host key of %1 is not known (%2 key %3, not in %4)</source>
        <translation>der Host-Schlüssel von %1 ist unbekannt (%2-Schlüssel %3, nicht in %4)</translation>
    </message>
    <message>
        <source>REFUSED: the host key of %1 has CHANGED since it was recorded in %2 (now %3 key %4). Either the server was reinstalled or its keys were replaced, or someone is intercepting the connection. If you know the change is legitimate (ask the server&apos;s administrator, compare the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub` on the server), remove the old key with `%6` and connect again.</source>
        <translation>ABGELEHNT: Der Host-Schlüssel von %1 hat sich GEÄNDERT, seit er in %2 erfasst wurde (jetzt %3-Schlüssel %4). Entweder wurde der Server neu installiert oder seine Schlüssel ersetzt, oder jemand fängt die Verbindung ab. Wenn Sie wissen, dass die Änderung rechtmäßig ist (fragen Sie den Administrator des Servers, vergleichen Sie den Fingerabdruck mit `ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub` auf dem Server), entfernen Sie den alten Schlüssel mit `%6` und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>REFUSED: %1 offered a %2 host key (%3), but %4 records a key of another type for it. This can be a replaced server or an attack. If you know the change is legitimate, remove the old key with `%5` and connect again.</source>
        <translation>ABGELEHNT: %1 bot einen %2-Host-Schlüssel an (%3), aber %4 verzeichnet dafür einen Schlüssel anderen Typs. Das kann ein ersetzter Server oder ein Angriff sein. Wenn Sie wissen, dass die Änderung rechtmäßig ist, entfernen Sie den alten Schlüssel mit `%5` und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>could not check the host key against %1: %2</source>
        <translation>der Host-Schlüssel konnte nicht mit %1 abgeglichen werden: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for known_hosts</source>
        <translation>der Ordner %1 für known_hosts kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>could not add the host key to %1: %2</source>
        <translation>der Host-Schlüssel konnte nicht zu %1 hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>authentication as &apos;%1&apos; on %2 failed: %3</source>
        <translation>Anmeldung als &apos;%1&apos; auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 refused every key for user &apos;%2&apos; (tried %3the IdentityFile keys of the ssh_config or ~/.ssh/id_*). Is the public key in ~%2/.ssh/authorized_keys on the server, and is a key with a passphrase loaded into ssh-agent?</source>
        <translation>%1 hat jeden Schlüssel für Benutzer &apos;%2&apos; abgelehnt (versucht: %3die IdentityFile-Schlüssel der ssh_config oder ~/.ssh/id_*). Steht der öffentliche Schlüssel in ~%2/.ssh/authorized_keys auf dem Server, und ist ein Schlüssel mit Passphrase in ssh-agent geladen?</translation>
    </message>
    <message>
        <source>ssh-agent, then </source>
        <translation>ssh-agent, dann </translation>
    </message>
    <message>
        <source>connection to %1 lost while %2: %3</source>
        <translation>Verbindung zu %1 verloren beim %2: %3</translation>
    </message>
    <message>
        <source>opening a channel</source>
        <translation>Öffnen eines Kanals</translation>
    </message>
    <message>
        <source>starting the command</source>
        <translation>Starten des Befehls</translation>
    </message>
    <message>
        <source>sending the command&apos;s input</source>
        <translation>Senden der Eingabe des Befehls</translation>
    </message>
    <message>
        <source>reading the command&apos;s output</source>
        <translation>Lesen der Ausgabe des Befehls</translation>
    </message>
    <message>
        <source>the command&apos;s output exceeded %1 MiB; it was stopped</source>
        <translation>die Ausgabe des Befehls hat %1 MiB überschritten; er wurde gestoppt</translation>
    </message>
    <message>
        <source>command cancelled</source>
        <translation>Befehl abgebrochen</translation>
    </message>
    <message>
        <source>the command did not finish within %1 s</source>
        <translation>der Befehl wurde nicht innerhalb von %1 s fertig</translation>
    </message>
    <message>
        <source>waiting for the command&apos;s output</source>
        <translation>Warten auf die Ausgabe des Befehls</translation>
    </message>
    <message>
        <source>the command ended without an exit status (killed by a signal?)</source>
        <translation>der Befehl endete ohne Exit-Status (durch ein Signal beendet?)</translation>
    </message>
    <message>
        <source>connection to %1 lost (no answer to a keepalive within %2 s): %3</source>
        <translation>Verbindung zu %1 verloren (keine Antwort auf ein Keepalive innerhalb von %2 s): %3</translation>
    </message>
    <message>
        <source>could not start the resident probe on %1: %2</source>
        <translation>die residente Probe auf %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the resident probe is not running</source>
        <translation>die residente Probe läuft nicht</translation>
    </message>
    <message>
        <source>sending a request to the resident probe</source>
        <translation>Senden einer Anfrage an die residente Probe</translation>
    </message>
    <message>
        <source>reading the resident probe&apos;s output</source>
        <translation>Lesen der Ausgabe der residenten Probe</translation>
    </message>
    <message>
        <source>the resident probe on %1 answered out of turn</source>
        <translation>die residente Probe auf %1 hat außer der Reihe geantwortet</translation>
    </message>
    <message>
        <source>the resident probe on %1 ended (exit status %2)</source>
        <translation>die residente Probe auf %1 wurde beendet (Exit-Status %2)</translation>
    </message>
    <message>
        <source>waiting for the resident probe&apos;s output</source>
        <translation>Warten auf die Ausgabe der residenten Probe</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>Use this</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Akzeptabel</translation>
    </message>
    <message>
        <source>Avoid</source>
        <translation>Vermeiden</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>Relays</source>
        <translation>Relays</translation>
    </message>
    <message>
        <source>Mean RSS</source>
        <translation>Mittlerer RSS</translation>
    </message>
    <message>
        <source>Median RSS</source>
        <translation>Median-RSS</translation>
    </message>
    <message>
        <source>vs. best</source>
        <translation>ggü. bestem</translation>
    </message>
    <message>
        <source>Growth/day</source>
        <translation>Wachstum/Tag</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 GiB/day</source>
        <translation>%1 GiB/Tag</translation>
    </message>
    <message>
        <source>Snapshot %1 (UTC); worst/best %2.</source>
        <translation>Momentaufnahme %1 (UTC); schlechteste/beste %2.</translation>
    </message>
    <message>
        <source>There is no experiment named &apos;%1&apos;.</source>
        <translation>Es gibt kein Experiment namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>There is no experiment yet: import group files or create one with &apos;experiment create&apos;.</source>
        <translation>Es gibt noch kein Experiment: Importieren Sie Gruppendateien oder legen Sie eines mit &apos;experiment create&apos; an.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>There is no experiment yet: import group files (File → Import…) or create one on the Experiment tab.</source>
        <translation>Es gibt noch kein Experiment: Importieren Sie Gruppendateien (Datei → Importieren…) oder legen Sie eines auf dem Reiter Experiment an.</translation>
    </message>
    <message>
        <source>No data yet: connect to your relay servers (Fleet → Add Host…) and start polling, or import existing files (File → Import…).</source>
        <translation>Noch keine Daten: Verbinden Sie sich mit Ihren Relay-Servern (Flotte → Host hinzufügen…) und starten Sie die Abfrage, oder importieren Sie vorhandene Dateien (Datei → Importieren…).</translation>
    </message>
</context>
<context>
    <name>TorUtils</name>
    <message>
        <source>expected a header line, the file is empty</source>
        <translation>Kopfzeile erwartet, die Datei ist leer</translation>
    </message>
    <message>
        <source>expected a nickname or fingerprint column</source>
        <translation>Spalte für Nickname oder Fingerabdruck erwartet</translation>
    </message>
    <message>
        <source>expected the header of memory.csv (timestamp,server,type,...,rss_kb,...), events.csv (timestamp,event_type,...), diagnostics.csv (date,time,hostname,...) or relay_config.csv</source>
        <translation>Kopfzeile von memory.csv (timestamp,server,type,...,rss_kb,...), events.csv (timestamp,event_type,...), diagnostics.csv (date,time,hostname,...) oder relay_config.csv erwartet</translation>
    </message>
    <message>
        <source>expected a memory.csv header, found a %1 file</source>
        <translation>Kopfzeile von memory.csv erwartet, eine %1-Datei gefunden</translation>
    </message>
    <message>
        <source>expected a value in %1</source>
        <translation>Wert in %1 erwartet</translation>
    </message>
    <message>
        <source>expected a non-negative integer in %1, got &apos;%2&apos;</source>
        <translation>nicht-negative Ganzzahl in %1 erwartet, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected an ISO 8601 timestamp in timestamp, got &apos;%1&apos;</source>
        <translation>ISO-8601-Zeitstempel in timestamp erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a 40-character hex fingerprint, got &apos;%1&apos;</source>
        <translation>Fingerabdruck aus 40 Hexzeichen erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a relay nickname (1-19 letters or digits), got &apos;%1&apos;</source>
        <translation>Relay-Nickname (1-19 Buchstaben oder Ziffern) erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a fingerprint or a nickname</source>
        <translation>Fingerabdruck oder Nickname erwartet</translation>
    </message>
    <message>
        <source>expected a number in frag_ratio, got &apos;%1&apos;</source>
        <translation>Zahl in frag_ratio erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected type &apos;relay&apos; or &apos;aggregate&apos;, got &apos;%1&apos;</source>
        <translation>Typ &apos;relay&apos; oder &apos;aggregate&apos; erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected the header timestamp,event_type,description,group</source>
        <translation>Kopfzeile timestamp,event_type,description,group erwartet</translation>
    </message>
    <message>
        <source>expected an event type in event_type</source>
        <translation>Ereignistyp in event_type erwartet</translation>
    </message>
    <message>
        <source>expected the header date,time,hostname,...</source>
        <translation>Kopfzeile date,time,hostname,... erwartet</translation>
    </message>
    <message>
        <source>expected a date YYYY-MM-DD and a time HH:MM:SS, got &apos;%1&apos; &apos;%2&apos;</source>
        <translation>Datum JJJJ-MM-TT und Uhrzeit HH:MM:SS erwartet, erhalten: &apos;%1&apos; &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected a relay count in relay_count, got &apos;%1&apos;</source>
        <translation>Relay-Anzahl in relay_count erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a number in load1, got &apos;%1&apos;</source>
        <translation>Zahl in load1 erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected the header of relay_config.csv: nickname,...,dircache,maxmem or nickname,...,allocator,config</source>
        <translation>Kopfzeile von relay_config.csv erwartet: nickname,...,dircache,maxmem oder nickname,...,allocator,config</translation>
    </message>
    <message>
        <source>expected a relay nickname (1-19 letters or digits) or a fingerprint, got &apos;%1&apos;</source>
        <translation>Relay-Nickname (1-19 Buchstaben oder Ziffern) oder Fingerabdruck erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected JSON: %1 at offset %2</source>
        <translation>JSON erwartet: %1 an Offset %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>expected an ISO 8601 time in &apos;%1&apos;, got &apos;%2&apos;</source>
        <translation>ISO-8601-Zeit in &apos;%1&apos; erwartet, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>expected a group letter A-Z, got &apos;%1&apos;</source>
        <translation>Gruppenbuchstabe A-Z erwartet, erhalten: &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n relay(s)</source>
        <translation>
            <numerusform>%n Relay</numerusform>
            <numerusform>%n Relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The relay instance name is empty.</source>
        <translation>Der Name der Relay-Instanz ist leer.</translation>
    </message>
    <message>
        <source>The relay instance name is longer than 32 characters.</source>
        <translation>Der Name der Relay-Instanz ist länger als 32 Zeichen.</translation>
    </message>
    <message>
        <source>The relay instance name may contain only letters, digits and &apos;_&apos;.</source>
        <translation>Der Name der Relay-Instanz darf nur Buchstaben, Ziffern und &apos;_&apos; enthalten.</translation>
    </message>
    <message>
        <source>The library path must be absolute (start with &apos;/&apos;).</source>
        <translation>Der Bibliothekspfad muss absolut sein (mit &apos;/&apos; beginnen).</translation>
    </message>
    <message>
        <source>The library path must not contain &apos;..&apos;.</source>
        <translation>Der Bibliothekspfad darf kein &apos;..&apos; enthalten.</translation>
    </message>
    <message>
        <source>The library path may contain only letters, digits and . _ + / -</source>
        <translation>Der Bibliothekspfad darf nur Buchstaben, Ziffern und . _ + / - enthalten</translation>
    </message>
</context>
<context>
    <name>alloclab::AddHostDialog</name>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>alias, host, user@host, user@host:port or user@[IPv6]:port</source>
        <translation>Alias, host, user@host, user@host:port oder user@[IPv6]:port</translation>
    </message>
    <message>
        <source>how AllocLab calls this host</source>
        <translation>wie AllocLab diesen Host nennt</translation>
    </message>
    <message>
        <source>Aliases in the ssh_config</source>
        <translation>Aliase in der ssh_config</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Aliases in %1:</source>
        <translation>&amp;Aliase in %1:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>(no aliases in %1)</source>
        <translation>(keine Aliase in %1)</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>Prüfe %1 ...</translation>
    </message>
    <message>
        <source>Connects as %1 to %2, port %3</source>
        <translation>Verbindet sich als %1 mit %2, Port %3</translation>
    </message>
    <message>
        <source>, alias of the ssh_config</source>
        <translation>, Alias aus der ssh_config</translation>
    </message>
    <message>
        <source>, through %1</source>
        <translation>, über %1</translation>
    </message>
    <message>
        <source>A host named &apos;%1&apos; already exists; choose another name.</source>
        <translation>Ein Host namens &apos;%1&apos; existiert bereits; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>alloclab::AllocatorChecker</name>
    <message>
        <source>the check exited with status %1: %2</source>
        <translation>die Prüfung endete mit Exit-Status %1: %2</translation>
    </message>
    <message>
        <source>unexpected answer to the check (%1)</source>
        <translation>unerwartete Antwort auf die Prüfung (%1)</translation>
    </message>
    <message>
        <source>the host did not answer</source>
        <translation>der Host hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>alloclab::AllocatorsDialog</name>
    <message>
        <source>Allocators</source>
        <translation>Allokatoren</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s); %1 could not be reached.</source>
        <translation>
            <numerusform>%n Host geprüft; %1 war nicht erreichbar.</numerusform>
            <numerusform>%n Hosts geprüft; %1 waren nicht erreichbar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s).</source>
        <translation>
            <numerusform>%n Host geprüft.</numerusform>
            <numerusform>%n Hosts geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Library path</source>
        <translation>Bibliothekspfad</translation>
    </message>
    <message>
        <source>Expected sha256</source>
        <translation>Erwarteter sha256-Wert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Allocator catalog</source>
        <translation>Allokator-Katalog</translation>
    </message>
    <message>
        <source>e.g. mimalloc301</source>
        <translation>z. B. mimalloc301</translation>
    </message>
    <message>
        <source>e.g. mimalloc</source>
        <translation>z. B. mimalloc</translation>
    </message>
    <message>
        <source>e.g. 3.0.1</source>
        <translation>z. B. 3.0.1</translation>
    </message>
    <message>
        <source>/opt/mimalloc-3.0.1/lib/libmimalloc.so.3</source>
        <translation>/opt/mimalloc-3.0.1/lib/libmimalloc.so.3</translation>
    </message>
    <message>
        <source>optional: 64 hexadecimal digits</source>
        <translation>optional: 64 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Library &amp;path:</source>
        <translation>Bibliotheks&amp;pfad:</translation>
    </message>
    <message>
        <source>Expected &amp;sha256:</source>
        <translation>Erwarteter &amp;sha256-Wert:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a custom allocator with these values</source>
        <translation>Einen eigenen Allokator mit diesen Werten hinzufügen</translation>
    </message>
    <message>
        <source>Sa&amp;ve Changes</source>
        <translation>Änderungen spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Library path on one host</source>
        <translation>Bibliothekspfad auf einem Host</translation>
    </message>
    <message>
        <source>empty: the catalog&apos;s path</source>
        <translation>leer: der Pfad aus dem Katalog</translation>
    </message>
    <message>
        <source>Set &amp;Host Path</source>
        <translation>Host-Pfa&amp;d setzen</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>H&amp;ost:</translation>
    </message>
    <message>
        <source>P&amp;ath there:</source>
        <translation>Pfad do&amp;rt:</translation>
    </message>
    <message>
        <source>Check on hosts</source>
        <translation>Prüfung auf den Hosts</translation>
    </message>
    <message>
        <source>&amp;Check on Hosts</source>
        <translation>&amp;Auf Hosts prüfen</translation>
    </message>
    <message>
        <source>On every connected host: is each library present and readable, its sha256 and its package version</source>
        <translation>Auf jedem verbundenen Host: ob jede Bibliothek vorhanden und lesbar ist, ihr sha256-Wert und ihre Paketversion</translation>
    </message>
    <message>
        <source>Cance&amp;l Check</source>
        <translation>Prüfung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>%v of %m hosts</source>
        <translation>%v von %m Hosts</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Readable</source>
        <translation>Lesbar</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>Check results per host and allocator</source>
        <translation>Prüfergebnisse je Host und Allokator</translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
    <message>
        <source>on %1: %2</source>
        <translation>auf %1: %2</translation>
    </message>
    <message>
        <source>(no preload)</source>
        <translation>(kein Preload)</translation>
    </message>
    <message numerus="yes">
        <source>(+%n host path(s))</source>
        <translation>
            <numerusform>(+%n Host-Pfad)</numerusform>
            <numerusform>(+%n Host-Pfade)</numerusform>
        </translation>
    </message>
    <message>
        <source>Built-in entries take the version the check on the hosts finds</source>
        <translation>Eingebaute Einträge übernehmen die Version, die die Prüfung auf den Hosts findet</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigener</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>not checked: %1</source>
        <translation>nicht geprüft: %1</translation>
    </message>
    <message>
        <source>resolves to %1</source>
        <translation>verweist auf %1</translation>
    </message>
    <message>
        <source>Not the expected library: the catalog expects sha256 %1, this host has %2.</source>
        <translation>Nicht die erwartete Bibliothek: Der Katalog erwartet sha256 %1, dieser Host hat %2.</translation>
    </message>
    <message>
        <source>not from a Debian package</source>
        <translation>nicht aus einem Debian-Paket</translation>
    </message>
    <message>
        <source>package %1 %2</source>
        <translation>Paket %1 %2</translation>
    </message>
    <message>
        <source>%1 uses the catalog&apos;s path on every host.</source>
        <translation>%1 verwendet auf jedem Host den Pfad aus dem Katalog.</translation>
    </message>
    <message>
        <source>%1 is not a stored host; the path was not saved.</source>
        <translation>%1 ist kein gespeicherter Host; der Pfad wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>No connected hosts to check: connect to a host first (Fleet → Add Host…).</source>
        <translation>Keine verbundenen Hosts zu prüfen: Verbinden Sie sich zuerst mit einem Host (Flotte → Host hinzufügen…).</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n host(s)…</source>
        <translation>
            <numerusform>Prüfe %n Host…</numerusform>
            <numerusform>Prüfe %n Hosts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::BoardColumnHeader</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>in no group</source>
        <translation>in keiner Gruppe</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
</context>
<context>
    <name>alloclab::BoardModel</name>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>No relays yet.</source>
        <translation>Noch keine Relays.</translation>
    </message>
    <message>
        <source>Only 1 relay: too few to compare (at least %1).</source>
        <translation>Nur 1 Relay: zu wenige für einen Vergleich (mindestens %1).</translation>
    </message>
    <message numerus="yes">
        <source>Only %n relays: too few to compare (at least %1).</source>
        <translation>
            <numerusform>Nur %n Relay: zu wenige für einen Vergleich (mindestens %1).</numerusform>
            <numerusform>Nur %n Relays: zu wenige für einen Vergleich (mindestens %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Hosts uneven: %1 has %2 of %3 (%4 %), %5 % overall.</source>
        <translation>Hosts ungleich verteilt: %1 hat %2 von %3 (%4 %), %5 % insgesamt.</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n relays to %1</source>
        <translation>
            <numerusform>%n Relay nach %1 verschieben</numerusform>
            <numerusform>%n Relays nach %1 verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Give one size per group (%1 groups).</source>
        <translation>Geben Sie eine Größe pro Gruppe an (%1 Gruppen).</translation>
    </message>
    <message numerus="yes">
        <source>Distribute %n relays (seed %1)</source>
        <translation>
            <numerusform>%n Relay verteilen (Seed %1)</numerusform>
            <numerusform>%n Relays verteilen (Seed %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Instance: tor@%1</source>
        <translation>Instanz: tor@%1</translation>
    </message>
    <message>
        <source>RSS: %1</source>
        <translation>RSS: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Loaded allocator: %1</source>
        <translation>Geladener Allokator: %1</translation>
    </message>
    <message>
        <source>Not the group&apos;s allocator (%1): deploy to apply it.</source>
        <translation>Nicht der Allokator der Gruppe (%1): Ausrollen wendet ihn an.</translation>
    </message>
    <message>
        <source>Not live: last seen %1 UTC (the latest stored sample)</source>
        <translation>Nicht aktuell: zuletzt gesehen %1 UTC (der neueste gespeicherte Messwert)</translation>
    </message>
</context>
<context>
    <name>alloclab::BoardView</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>Verteilen…</translation>
    </message>
    <message>
        <source>Assign the selected relays (or all unassigned ones) to the groups at random, stratified by host and RSS</source>
        <translation>Die ausgewählten Relays (oder alle nicht zugeordneten) zufällig auf die Gruppen verteilen, geschichtet nach Host und RSS</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Read groups/group_&lt;L&gt;_&lt;label&gt;.txt files or a relay_config.csv</source>
        <translation>Dateien groups/group_&lt;L&gt;_&lt;label&gt;.txt oder eine relay_config.csv lesen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write groups/group_&lt;L&gt;_&lt;label&gt;.txt files and a relay_config.csv</source>
        <translation>Dateien groups/group_&lt;L&gt;_&lt;label&gt;.txt und eine relay_config.csv schreiben</translation>
    </message>
    <message>
        <source>Filter: nickname, host, allocator…</source>
        <translation>Filter: Nickname, Host, Allokator…</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Distribute relays</source>
        <translation>Relays verteilen</translation>
    </message>
    <message>
        <source>Create an experiment with groups first.</source>
        <translation>Legen Sie zuerst ein Experiment mit Gruppen an.</translation>
    </message>
    <message>
        <source>Select the relays to distribute, or leave some in Unassigned.</source>
        <translation>Wählen Sie die zu verteilenden Relays aus oder lassen Sie einige in „Nicht zugeordnet“.</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>(kein Host)</translation>
    </message>
    <message>
        <source>drop relays here</source>
        <translation>Relays hierher ziehen</translation>
    </message>
    <message>
        <source>Allocator: %1</source>
        <translation>Allokator: %1</translation>
    </message>
    <message>
        <source>%1 of %2 relays run another allocator (deploy to apply)</source>
        <translation>%1 von %2 Relays laufen mit einem anderen Allokator (Ausrollen wendet ihn an)</translation>
    </message>
    <message>
        <source>%1 relays · %2 in groups · %3 unassigned</source>
        <translation>%1 Relays · %2 in Gruppen · %3 nicht zugeordnet</translation>
    </message>
    <message>
        <source>%1 still run another allocator than their group&apos;s (! on the card): deploy to apply</source>
        <translation>%1 laufen noch mit einem anderen Allokator als dem ihrer Gruppe (! auf der Karte): Ausrollen wendet ihn an</translation>
    </message>
    <message>
        <source>Drag to move · Alt+1…9 to a group, Alt+0 back · Ctrl+Z undo</source>
        <translation>Ziehen zum Verschieben · Alt+1…9 in eine Gruppe, Alt+0 zurück · Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>Move to group</source>
        <translation>In Gruppe verschieben</translation>
    </message>
    <message>
        <source>Copy Nicknames</source>
        <translation>Nicknames kopieren</translation>
    </message>
</context>
<context>
    <name>alloclab::ChartView</name>
    <message>
        <source>%1 d since start</source>
        <translation>%1 Tage seit Start</translation>
    </message>
    <message>
        <source>relay %1</source>
        <translation>Relay %1</translation>
    </message>
    <message>
        <source>group %1 (%2)</source>
        <translation>Gruppe %1 (%2)</translation>
    </message>
    <message>
        <source>%1
upper whisker %2
Q3 %3
median %4
Q1 %5
lower whisker %6</source>
        <translation>%1
oberer Whisker %2
Q3 %3
Median %4
Q1 %5
unterer Whisker %6</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>alloclab::ChartsTab</name>
    <message>
        <source>Whole fleet</source>
        <translation>Ganze Flotte</translation>
    </message>
    <message>
        <source>Experiment to chart</source>
        <translation>Experiment für die Diagramme</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Peak RSS (HWM)</source>
        <translation>Spitzen-RSS (HWM)</translation>
    </message>
    <message>
        <source>Wall clock</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Since relay start</source>
        <translation>Seit Relay-Start</translation>
    </message>
    <message>
        <source>Uptime-aligned: compares groups that started on different days fairly</source>
        <translation>Nach Laufzeit ausgerichtet: vergleicht Gruppen, die an verschiedenen Tagen gestartet sind, fair</translation>
    </message>
    <message>
        <source>Band: interquartile</source>
        <translation>Band: Interquartil</translation>
    </message>
    <message>
        <source>Band: min–max</source>
        <translation>Band: Min–Max</translation>
    </message>
    <message>
        <source>Compare means</source>
        <translation>Mittelwerte vergleichen</translation>
    </message>
    <message>
        <source>Compare medians</source>
        <translation>Mediane vergleichen</translation>
    </message>
    <message>
        <source> Relays: </source>
        <translation> Relays: </translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Show only the N largest relays in the trajectories</source>
        <translation>In den Verläufen nur die N größten Relays zeigen</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export all charts…</source>
        <translation>Alle Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Export dashboard image…</source>
        <translation>Dashboard-Bild exportieren…</translation>
    </message>
    <message>
        <source>Copy dashboard to clipboard</source>
        <translation>Dashboard in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Save as PNG or SVG…</source>
        <translation>Als PNG oder SVG speichern…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Reset zoom (Home)</source>
        <translation>Zoom zurücksetzen (Pos1)</translation>
    </message>
    <message>
        <source>AllocLab charts</source>
        <translation>AllocLab-Diagramme</translation>
    </message>
    <message>
        <source>Export all charts into</source>
        <translation>Alle Diagramme exportieren nach</translation>
    </message>
    <message>
        <source>Export all charts</source>
        <translation>Alle Diagramme exportieren</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>Dashboard exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG-Bilder (*.png);;SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Time range: </source>
        <translation>Zeitraum: </translation>
    </message>
    <message>
        <source>Start of the visible time range</source>
        <translation>Beginn des sichtbaren Zeitraums</translation>
    </message>
    <message>
        <source>End of the visible time range</source>
        <translation>Ende des sichtbaren Zeitraums</translation>
    </message>
    <message>
        <source> to </source>
        <translation> bis </translation>
    </message>
    <message>
        <source>Show the last 24 hours of data</source>
        <translation>Die Daten der letzten 24 Stunden zeigen</translation>
    </message>
    <message>
        <source>Show the last 7 days of data</source>
        <translation>Die Daten der letzten 7 Tage zeigen</translation>
    </message>
    <message>
        <source>Show all data (Home)</source>
        <translation>Alle Daten zeigen (Pos1)</translation>
    </message>
</context>
<context>
    <name>alloclab::DeployDialog</name>
    <message>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Ausrollen</translation>
    </message>
    <message>
        <source>Relays restarted together on one host after the canary.</source>
        <translation>Relays, die nach dem Testrelay auf einem Host gemeinsam neu gestartet werden.</translation>
    </message>
    <message>
        <source>Relays per host changed and verified first, alone; 0 = no canary.</source>
        <translation>Relays je Host, die zuerst und allein geändert und geprüft werden; 0 = kein Testrelay.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A restarted relay must keep the same PID this long to count as verified.</source>
        <translation>So lange muss ein neu gestartetes Relay dieselbe PID behalten, um als bestätigt zu gelten.</translation>
    </message>
    <message>
        <source>The whole rollout halts after this many relays failed verification (each failed relay is rolled back).</source>
        <translation>Der gesamte Rollout hält an, nachdem so viele Relays die Prüfung nicht bestanden haben (jedes fehlgeschlagene Relay wird zurückgesetzt).</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Stapelgröße:</translation>
    </message>
    <message>
        <source>&amp;Canary relays per host:</source>
        <translation>&amp;Testrelays je Host:</translation>
    </message>
    <message>
        <source>&amp;Settle time:</source>
        <translation>Beruhigungs&amp;zeit:</translation>
    </message>
    <message>
        <source>&amp;Halt after failed relays:</source>
        <translation>&amp;Anhalten nach fehlgeschlagenen Relays:</translation>
    </message>
    <message>
        <source>Exactly what will be written and run (the dry run):</source>
        <translation>Genau das wird geschrieben und ausgeführt (der Probelauf):</translation>
    </message>
    <message>
        <source>The plan was refused; nothing can be deployed:</source>
        <translation>Der Plan wurde abgelehnt; nichts kann ausgerollt werden:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every relay is already as wanted.&lt;/b&gt; Nothing to do.</source>
        <translation>&lt;b&gt;Jedes Relay ist bereits wie gewünscht.&lt;/b&gt; Nichts zu tun.</translation>
    </message>
    <message>
        <source>Per host: batches of %1, no canary.</source>
        <translation>Je Host: Stapel zu %1, kein Testrelay.</translation>
    </message>
    <message>
        <source>Each restarted relay is verified (active, new PID, the library in its memory map, stable for the settle time); a relay that fails is rolled back automatically.</source>
        <translation>Jedes neu gestartete Relay wird geprüft (aktiv, neue PID, die Bibliothek in seiner Speicherabbildung, stabil während der Beruhigungszeit); ein fehlschlagendes Relay wird automatisch zurückgesetzt.</translation>
    </message>
    <message>
        <source>Roll back %1 on %2</source>
        <translation>%1 auf %2 zurücksetzen</translation>
    </message>
    <message>
        <source>Deploy %1 on %2</source>
        <translation>%1 auf %2 ausrollen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 on %2 will be changed and restarted.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 auf %2 werden geändert und neu gestartet.&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n relay(s) already right are left alone.</source>
        <translation>
            <numerusform>%n bereits richtiges Relay bleibt unverändert.</numerusform>
            <numerusform>%n bereits richtige Relays bleiben unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Per host: %n canary relay(s) first, alone, then batches of %1.</source>
        <translation>
            <numerusform>Je Host: zuerst %n Testrelay allein, dann Stapel zu %1.</numerusform>
            <numerusform>Je Host: zuerst %n Testrelays allein, dann Stapel zu %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::DeployLauncher</name>
    <message>
        <source>Roll out %1 to all relays</source>
        <translation>%1 auf alle Relays ausrollen</translation>
    </message>
    <message>
        <source>Deploy experiment %1</source>
        <translation>Experiment %1 ausrollen</translation>
    </message>
    <message>
        <source>Roll back experiment %1</source>
        <translation>Experiment %1 zurücksetzen</translation>
    </message>
    <message>
        <source>%1: no database is open.</source>
        <translation>%1: keine Datenbank ist geöffnet.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A rollout is being prepared or running; finish or abort it first.</source>
        <translation>Ein Rollout wird vorbereitet oder läuft; schließen Sie ihn zuerst ab oder brechen Sie ihn ab.</translation>
    </message>
</context>
<context>
    <name>alloclab::Deployer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The plan was refused: %1</source>
        <translation>Der Plan wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>FAILED: </source>
        <translation>FEHLGESCHLAGEN: </translation>
    </message>
    <message numerus="yes">
        <source>The rollout halted after %n failed relay(s).</source>
        <translation>
            <numerusform>Der Rollout wurde nach %n fehlgeschlagenen Relay angehalten.</numerusform>
            <numerusform>Der Rollout wurde nach %n fehlgeschlagenen Relays angehalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::DistributeDialog</name>
    <message>
        <source>Distribute Relays</source>
        <translation>Relays verteilen</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n relays to the groups at random, stratified by host and by RSS: every group gets its share of each host and of small and large relays. The same seed gives the same draw.</source>
        <translation>
            <numerusform>%n Relay zufällig den Gruppen zuordnen, geschichtet nach Host und RSS: Jede Gruppe erhält ihren Anteil an jedem Host und an kleinen wie großen Relays. Derselbe Seed ergibt dieselbe Ziehung.</numerusform>
            <numerusform>%n Relays zufällig den Gruppen zuordnen, geschichtet nach Host und RSS: Jede Gruppe erhält ihren Anteil an jedem Host und an kleinen wie großen Relays. Derselbe Seed ergibt dieselbe Ziehung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Equal Sizes</source>
        <translation>Gleiche Größen</translation>
    </message>
    <message>
        <source>Write the seed down (it is also in the undo history): the same seed, relays and sizes give the same groups.</source>
        <translation>Notieren Sie den Seed (er steht auch im Rückgängig-Verlauf): Derselbe Seed mit denselben Relays und Größen ergibt dieselben Gruppen.</translation>
    </message>
    <message>
        <source>New Seed</source>
        <translation>Neuer Seed</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>The groups ask for %1 relays; %2 are selected.</source>
        <translation>Die Gruppen verlangen %1 Relays; %2 sind ausgewählt.</translation>
    </message>
    <message>
        <source>All %1 relays go into a group.</source>
        <translation>Alle %1 Relays kommen in eine Gruppe.</translation>
    </message>
    <message>
        <source>%1 of %2 relays go into a group; %3 stay unassigned.</source>
        <translation>%1 von %2 Relays kommen in eine Gruppe; %3 bleiben nicht zugeordnet.</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
</context>
<context>
    <name>alloclab::ExperimentDialog</name>
    <message>
        <source>Started at</source>
        <translation>Gestartet am</translation>
    </message>
    <message>
        <source>New Experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>e.g. 5-way allocator comparison</source>
        <translation>z. B. Vergleich von 5 Allokatoren</translation>
    </message>
    <message>
        <source>e.g. mimalloc 2.0.9 keeps relays below half of glibc&apos;s RSS</source>
        <translation>z. B. mimalloc 2.0.9 hält Relays unter der Hälfte des RSS von glibc</translation>
    </message>
    <message>
        <source>Anything worth remembering: tor version, kernel, why these groups…</source>
        <translation>Alles, was man sich merken sollte: tor-Version, Kernel, warum diese Gruppen…</translation>
    </message>
    <message>
        <source>Leave unchecked while planning: the start is set when the groups are deployed.</source>
        <translation>Während der Planung nicht ankreuzen: Der Start wird gesetzt, wenn die Gruppen ausgerollt werden.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Remove Group</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Hypothesis:</source>
        <translation>&amp;Hypothese:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Groups (one colour per letter, the same in every chart):</source>
        <translation>Gruppen (eine Farbe pro Buchstabe, in jedem Diagramm dieselbe):</translation>
    </message>
    <message>
        <source>Edit Experiment</source>
        <translation>Experiment bearbeiten</translation>
    </message>
    <message>
        <source>Give the experiment a name.</source>
        <translation>Geben Sie dem Experiment einen Namen.</translation>
    </message>
    <message>
        <source>An experiment compares at least two groups.</source>
        <translation>Ein Experiment vergleicht mindestens zwei Gruppen.</translation>
    </message>
    <message>
        <source>The label of group %1 may contain only letters, digits and . + - (it names the group&apos;s file, group_%1_&lt;label&gt;.txt).</source>
        <translation>Die Bezeichnung der Gruppe %1 darf nur Buchstaben, Ziffern und . + - enthalten (sie benennt die Datei der Gruppe, group_%1_&lt;label&gt;.txt).</translation>
    </message>
</context>
<context>
    <name>alloclab::ExperimentTab</name>
    <message>
        <source>No experiment yet</source>
        <translation>Noch kein Experiment</translation>
    </message>
    <message>
        <source>An experiment compares allocators on your own relays. Create one, then drag relays from the Fleet into its groups (A: mimalloc 3.0.1, B: mimalloc 2.0.9, …).</source>
        <translation>Ein Experiment vergleicht Allokatoren auf Ihren eigenen Relays. Legen Sie eines an und ziehen Sie dann Relays aus der Flotte in seine Gruppen (A: mimalloc 3.0.1, B: mimalloc 2.0.9, …).</translation>
    </message>
    <message>
        <source>New Experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>Experiment &apos;%1&apos; created</source>
        <translation>Experiment &apos;%1&apos; angelegt</translation>
    </message>
    <message>
        <source>Could not save the groups: %1</source>
        <translation>Die Gruppen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Import Groups</source>
        <translation>Gruppen importieren</translation>
    </message>
    <message>
        <source>Open a database and create an experiment first.</source>
        <translation>Öffnen Sie eine Datenbank und legen Sie zuerst ein Experiment an.</translation>
    </message>
    <message>
        <source>Group files (group_*.txt relay_config.csv);;All files (*)</source>
        <translation>Gruppendateien (group_*.txt relay_config.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported groups: %1</source>
        <translation>Gruppen importiert: %1</translation>
    </message>
    <message>
        <source>Export Groups To</source>
        <translation>Gruppen exportieren nach</translation>
    </message>
    <message>
        <source>Exported %1 files</source>
        <translation>%1 Dateien exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>alloclab::ExportDialog</name>
    <message>
        <source>Export TorUtils Data</source>
        <translation>TorUtils-Daten exportieren</translation>
    </message>
    <message>
        <source>(every relay, no groups)</source>
        <translation>(alle Relays, keine Gruppen)</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Alles</translation>
    </message>
    <message>
        <source>None checked: every host</source>
        <translation>Keiner angekreuzt: alle Hosts</translation>
    </message>
    <message>
        <source>With &amp;offset (2026-01-08T20:47:02+00:00)</source>
        <translation>Mit &amp;Offset (2026-01-08T20:47:02+00:00)</translation>
    </message>
    <message>
        <source>&amp;Naive, as TorUtils writes them, in zone:</source>
        <translation>&amp;Naiv, wie TorUtils sie schreibt, in Zone:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>E&amp;xperiment:</source>
        <translation>&amp;Experiment:</translation>
    </message>
    <message>
        <source>Time range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Hosts:</translation>
    </message>
    <message>
        <source>Timestamps:</source>
        <translation>Zeitstempel:</translation>
    </message>
    <message>
        <source>Target &amp;folder:</source>
        <translation>&amp;Zielordner:</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose a target folder first.</source>
        <translation>Wählen Sie zuerst einen Zielordner.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
</context>
<context>
    <name>alloclab::FleetView</name>
    <message>
        <source>Filter relays, nicknames, fingerprints...</source>
        <translation>Relays, Nicknames, Fingerabdrücke filtern...</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>alloclab::HostKeyDialog</name>
    <message>
        <source>Unknown host key: %1</source>
        <translation>Unbekannter Host-Schlüssel: %1</translation>
    </message>
    <message>
        <source>AllocLab has never connected to %1 before, so it cannot tell whether this is really your server. Compare the fingerprint below with the one from the server itself (run &apos;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&apos; there, or ask its administrator).</source>
        <translation>AllocLab hat sich noch nie mit %1 verbunden und kann daher nicht sagen, ob dies wirklich Ihr Server ist. Vergleichen Sie den Fingerabdruck unten mit dem des Servers selbst (führen Sie dort &apos;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&apos; aus oder fragen Sie seinen Administrator).</translation>
    </message>
    <message>
        <source>SHA256 fingerprint</source>
        <translation>SHA256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Trust and &amp;remember</source>
        <translation>Vertrauen und &amp;merken</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>&amp;Einmal vertrauen</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Add the key to known_hosts; later connections check against it.</source>
        <translation>Den Schlüssel zu known_hosts hinzufügen; spätere Verbindungen werden damit geprüft.</translation>
    </message>
    <message>
        <source>Connect for this session only; you will be asked again next time.</source>
        <translation>Nur für diese Sitzung verbinden; Sie werden beim nächsten Mal erneut gefragt.</translation>
    </message>
</context>
<context>
    <name>alloclab::HostResolver</name>
    <message>
        <source>&apos;%1&apos; is not a valid address.</source>
        <translation>&apos;%1&apos; ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>The alias &apos;%1&apos; names HostName &apos;%2&apos;, which cannot be resolved: %3</source>
        <translation>Der Alias &apos;%1&apos; nennt HostName &apos;%2&apos;, der sich nicht auflösen lässt: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither an alias in the ssh_config nor a host name that resolves (%2). A typo?</source>
        <translation>&apos;%1&apos; ist weder ein Alias in der ssh_config noch ein auflösbarer Hostname (%2). Ein Tippfehler?</translation>
    </message>
    <message>
        <source>The host name &apos;%1&apos; cannot be resolved: %2</source>
        <translation>Der Hostname &apos;%1&apos; lässt sich nicht auflösen: %2</translation>
    </message>
    <message>
        <source>Resolving &apos;%1&apos; took longer than %2 s.</source>
        <translation>Das Auflösen von &apos;%1&apos; dauerte länger als %2 s.</translation>
    </message>
</context>
<context>
    <name>alloclab::HostWorker</name>
    <message>
        <source>; you refused it</source>
        <translation>; Sie haben ihn abgelehnt</translation>
    </message>
    <message>
        <source>. Check the fingerprint with the server&apos;s administrator, then run again with --accept-new to record it.</source>
        <translation>. Prüfen Sie den Fingerabdruck mit dem Administrator des Servers und starten Sie dann erneut mit --accept-new, um ihn zu erfassen.</translation>
    </message>
    <message>
        <source>connected in %1 ms</source>
        <translation>verbunden in %1 ms</translation>
    </message>
    <message>
        <source>%1: the probe&apos;s output could not be read: %2</source>
        <translation>%1: Die Ausgabe der Probe konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source> (exit status %1: %2)</source>
        <translation> (Exit-Status %1: %2)</translation>
    </message>
    <message>
        <source>%1: host key refused</source>
        <translation>%1: Host-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>%1: reconnecting in %2 s</source>
        <translation>%1: neuer Verbindungsversuch in %2 s</translation>
    </message>
</context>
<context>
    <name>alloclab::ImportDialog</name>
    <message>
        <source>Import TorUtils Data</source>
        <translation>TorUtils-Daten importieren</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;iles…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Select a file to see its first rows.</source>
        <translation>Wählen Sie eine Datei, um ihre ersten Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Buchstabe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>Label and allocator are editable (built-in allocators: glibc, jemalloc, mimalloc). Where a letter has several files, choose the one to use.</source>
        <translation>Bezeichnung und Allokator sind änderbar (eingebaute Allokatoren: glibc, jemalloc, mimalloc). Hat ein Buchstabe mehrere Dateien, wählen Sie die zu verwendende.</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>from experiment.json, else the folder&apos;s name</source>
        <translation>aus experiment.json, sonst der Name des Ordners</translation>
    </message>
    <message>
        <source>The zone of timestamps written without an offset (TorUtils writes server-local time). Timestamps with an offset keep theirs.</source>
        <translation>Die Zeitzone von Zeitstempeln ohne Offset (TorUtils schreibt die Ortszeit des Servers). Zeitstempel mit Offset behalten ihren.</translation>
    </message>
    <message>
        <source>&amp;Skip bad rows (import the rest and list them)</source>
        <translation>Fehlerhafte Zeilen ü&amp;berspringen (den Rest importieren und sie auflisten)</translation>
    </message>
    <message>
        <source>E&amp;xperiment:</source>
        <translation>E&amp;xperiment:</translation>
    </message>
    <message>
        <source>&amp;Time zone of naive timestamps:</source>
        <translation>&amp;Zeitzone naiver Zeitstempel:</translation>
    </message>
    <message>
        <source>Co&amp;py Errors</source>
        <translation>Fehler &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>Import &amp;abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Import a Folder</source>
        <translation>Einen Ordner importieren</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>TorUtils data (*.csv *.txt *.json);;All files (*)</source>
        <translation>TorUtils-Daten (*.csv *.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a folder (memory.csv, events.csv, diagnostics.csv, groups/) or single files.</source>
        <translation>Fügen Sie einen Ordner (memory.csv, events.csv, diagnostics.csv, groups/) oder einzelne Dateien hinzu.</translation>
    </message>
    <message>
        <source>Reading the headers…</source>
        <translation>Lese die Kopfzeilen…</translation>
    </message>
    <message>
        <source>group %1%2</source>
        <translation>Gruppe %1%2</translation>
    </message>
    <message>
        <source> (historical)</source>
        <translation> (historisch)</translation>
    </message>
    <message>
        <source>group?</source>
        <translation>Gruppe?</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>No TorUtils files were found there.</source>
        <translation>Dort wurden keine TorUtils-Dateien gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) ready to import.</source>
        <translation>
            <numerusform>%n Datei bereit zum Import.</numerusform>
            <numerusform>%n Dateien bereit zum Import.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere…</translation>
    </message>
    <message>
        <source>Cancelling: rolling back…</source>
        <translation>Breche ab: mache rückgängig…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored.</source>
        <translation>Abgebrochen: Nichts wurde gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was stored (%n error(s)).</source>
        <translation>
            <numerusform>Nichts wurde gespeichert (%n Fehler).</numerusform>
            <numerusform>Nichts wurde gespeichert (%n Fehler).</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 new samples, %2 aggregates, %3 events, %4 diagnostics rows, %5 relays.</source>
        <translation>Importiert: %1 neue Messwerte, %2 Aggregate, %3 Ereignisse, %4 Diagnosezeilen, %5 Relays.</translation>
    </message>
    <message>
        <source>Experiment “%1”: %2 groups, %3 assignments.</source>
        <translation>Experiment „%1“: %2 Gruppen, %3 Zuordnungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) skipped.</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile übersprungen.</numerusform>
            <numerusform>%n fehlerhafte Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n relay setting(s) new or changed.</source>
        <translation>
            <numerusform>%n Relay-Einstellung neu oder geändert.</numerusform>
            <numerusform>%n Relay-Einstellungen neu oder geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::MainWindow</name>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Add a relay server by ssh_config alias or user@host:port</source>
        <translation>Einen Relay-Server per ssh_config-Alias oder als user@host:port hinzufügen</translation>
    </message>
    <message>
        <source>Import &amp;Servers…</source>
        <translation>&amp;Server importieren…</translation>
    </message>
    <message>
        <source>&amp;Refresh Fleet</source>
        <translation>Flotte &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Poll Now</source>
        <translation>Jetzt a&amp;bfragen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Experiment…</source>
        <translation>&amp;Neues Experiment…</translation>
    </message>
    <message>
        <source>&amp;Distribute Relays…</source>
        <translation>Relays &amp;verteilen…</translation>
    </message>
    <message>
        <source>De&amp;ploy…</source>
        <translation>&amp;Ausrollen…</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;About AllocLab</source>
        <translation>&amp;Über AllocLab</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation>F&amp;lotte</translation>
    </message>
    <message>
        <source>E&amp;xperiment</source>
        <translation>E&amp;xperiment</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>Nothing to compare yet</source>
        <translation>Noch nichts zu vergleichen</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>A&amp;uswertung</translation>
    </message>
    <message>
        <source>&amp;Rollout</source>
        <translation>&amp;Rollout</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>No relay servers</source>
        <translation>Keine Relay-Server</translation>
    </message>
    <message>
        <source>Add a server by its ssh_config alias or as user@host:port. AllocLab connects over SSH and lists every Tor relay on it with its memory and the allocator really loaded.</source>
        <translation>Fügen Sie einen Server per ssh_config-Alias oder als user@host:port hinzu. AllocLab verbindet sich per SSH und listet jedes Tor-Relay darauf mit seinem Speicher und dem wirklich geladenen Allokator.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>No hosts</source>
        <translation>Keine Hosts</translation>
    </message>
    <message>
        <source>About AllocLab</source>
        <translation>Über AllocLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AllocLab %1&lt;/h3&gt;&lt;p&gt;Measure which memory allocator keeps your Tor relays small, then roll it out safely.&lt;/p&gt;&lt;p&gt;Qt %2 · libssh %3 · SQLite %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AllocLab %1&lt;/h3&gt;&lt;p&gt;Messen Sie, welcher Speicher-Allokator Ihre Tor-Relays klein hält, und rollen Sie ihn sicher aus.&lt;/p&gt;&lt;p&gt;Qt %2 · libssh %3 · SQLite %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — AllocLab</source>
        <translation>%1 — AllocLab</translation>
    </message>
    <message>
        <source>AllocLab %1 started; opening database %2</source>
        <translation>AllocLab %1 gestartet; öffne Datenbank %2</translation>
    </message>
    <message>
        <source>Add the servers listed in a servers.txt, one target a line</source>
        <translation>Die Server aus einer servers.txt hinzufügen, ein Ziel pro Zeile</translation>
    </message>
    <message>
        <source>Re&amp;move Host…</source>
        <translation>Host &amp;entfernen…</translation>
    </message>
    <message>
        <source>Stop watching the selected server; its stored measurements stay</source>
        <translation>Den gewählten Server nicht mehr beobachten; seine gespeicherten Messwerte bleiben erhalten</translation>
    </message>
    <message>
        <source>Probe every server now and show what runs there (nothing is stored)</source>
        <translation>Auf jedem Server jetzt die Probe ausführen und zeigen, was dort läuft (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Einste&amp;llungen…</translation>
    </message>
    <message>
        <source>Deploy the current experiment&apos;s allocators to its relays, canary first</source>
        <translation>Die Allokatoren des aktuellen Experiments auf seine Relays ausrollen, Testrelay zuerst</translation>
    </message>
    <message>
        <source>Deploy: there is no experiment yet; create one with Experiment → New Experiment…</source>
        <translation>Ausrollen: es gibt noch kein Experiment; legen Sie eines mit Experiment → Neues Experiment… an</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>The verdict table ranks the groups of an experiment by memory per relay and growth per day, and offers to roll the winner out to every relay. It fills once relays in an experiment have been polled or their CSV files imported.</source>
        <translation>Die Ergebnistabelle ordnet die Gruppen eines Experiments nach Speicher pro Relay und Wachstum pro Tag und bietet an, den Gewinner auf alle Relays auszurollen. Sie füllt sich, sobald Relays eines Experiments abgefragt oder ihre CSV-Dateien importiert wurden.</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Auswertung: %1</translation>
    </message>
    <message>
        <source>Deploy not started: %1</source>
        <translation>Ausrollen nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The database AllocLab and alloclab-cli share (--db PATH to choose another)</source>
        <translation>Die Datenbank, die AllocLab und alloclab-cli gemeinsam nutzen (--db PFAD wählt eine andere)</translation>
    </message>
    <message>
        <source>Added host %1 (%2)</source>
        <translation>Host %1 hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>Removed host %1; its stored measurements stay in the database</source>
        <translation>Host %1 entfernt; seine gespeicherten Messwerte bleiben in der Datenbank</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Database backed up to %1</source>
        <translation>Datenbank nach %1 gesichert</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Sicherung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: the poll could not be stored: %2</source>
        <translation>%1: die Abfrage konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Charts: %1</source>
        <translation>Diagramme: %1</translation>
    </message>
    <message>
        <source>Database %1 open (schema version %2)</source>
        <translation>Datenbank %1 geöffnet (Schemaversion %2)</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2
Nothing was changed or created in its place. Start AllocLab with --db PATH, or choose another file under Preferences (used from the next start); alloclab-cli integrity-check and a backup can tell what is wrong with this one.</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden: %2
An ihrer Stelle wurde nichts geändert oder angelegt. Starten Sie AllocLab mit --db PFAD oder wählen Sie unter Einstellungen eine andere Datei (gilt ab dem nächsten Start); alloclab-cli integrity-check und eine Sicherung können zeigen, was mit dieser nicht stimmt.</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1 (nicht geöffnet)</translation>
    </message>
    <message>
        <source>Database %1 could not be opened: %2</source>
        <translation>Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>AllocLab databases (*.sqlite *.db);;All files (*)</source>
        <translation>AllocLab-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Backing up the database to %1 …</source>
        <translation>Sichere die Datenbank nach %1 …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: host key unknown (%2); asking</source>
        <translation>%1: Host-Schlüssel unbekannt (%2); frage nach</translation>
    </message>
    <message>
        <source>%1: host key refused</source>
        <translation>%1: Host-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>%1: host key trusted</source>
        <translation>%1: Host-Schlüssel vertraut</translation>
    </message>
    <message>
        <source>Connected %1/%2</source>
        <translation>Verbunden: %1/%2</translation>
    </message>
    <message>
        <source>Adding host %1 …</source>
        <translation>Füge Host %1 hinzu …</translation>
    </message>
    <message>
        <source>Import Servers</source>
        <translation>Server importieren</translation>
    </message>
    <message>
        <source>Server lists (*.txt);;All files (*)</source>
        <translation>Serverlisten (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>Lese %1 …</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s); nothing was imported.</source>
        <translation>
            <numerusform>%1 hat %n Fehler; nichts wurde importiert.</numerusform>
            <numerusform>%1 hat %n Fehler; nichts wurde importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept %1: already present</source>
        <translation>%1 behalten: bereits vorhanden</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s)</source>
        <translation>
            <numerusform>%1: %n neuer Host</numerusform>
            <numerusform>%1: %n neue Hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Stop watching %1?</source>
        <translation>%1 nicht mehr beobachten?</translation>
    </message>
    <message>
        <source>Its relays and every stored measurement stay in the database; adding the host again continues where it left off.</source>
        <translation>Seine Relays und alle gespeicherten Messwerte bleiben in der Datenbank; wird der Host erneut hinzugefügt, geht es dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Refresh: there are no hosts yet; add one with Fleet → Add Host…</source>
        <translation>Aktualisieren: es gibt noch keine Hosts; fügen Sie einen mit Flotte → Host hinzufügen… hinzu</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n host(s) …</source>
        <translation>
            <numerusform>Aktualisiere %n Host …</numerusform>
            <numerusform>Aktualisiere %n Hosts …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>poll %1: %n relays, %2 ms</source>
        <translation>
            <numerusform>Abfrage %1: %n Relay, %2 ms</numerusform>
            <numerusform>Abfrage %1: %n Relays, %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n host(s) unreachable</source>
        <translation>
            <numerusform>; %n Host nicht erreichbar</numerusform>
            <numerusform>; %n Hosts nicht erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n host(s) not stored</source>
        <translation>
            <numerusform>; %n Host nicht gespeichert</numerusform>
            <numerusform>; %n Hosts nicht gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s)</source>
        <translation>
            <numerusform>; %n Ereignis</numerusform>
            <numerusform>; %n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy the experiment&apos;s allocators to its relays, canary first</source>
        <translation>Die Allokatoren des Experiments auf seine Relays ausrollen, Testrelay zuerst</translation>
    </message>
    <message>
        <source>Create an experiment first (Experiment → New Experiment…)</source>
        <translation>Legen Sie zuerst ein Experiment an (Experiment → Neues Experiment…)</translation>
    </message>
    <message>
        <source>The database is not open</source>
        <translation>Die Datenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Import finished; reloading the board, charts and summary</source>
        <translation>Import abgeschlossen; lade Übersicht, Diagramme und Auswertung neu</translation>
    </message>
    <message>
        <source>Export: %1</source>
        <translation>Export: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>The database %1 is used from the next start</source>
        <translation>Die Datenbank %1 wird ab dem nächsten Start verwendet</translation>
    </message>
    <message>
        <source>&amp;Allocators…</source>
        <translation>Allo&amp;katoren…</translation>
    </message>
    <message>
        <source>The allocator catalog: custom libraries, per-host paths, and a check of the libraries on the hosts</source>
        <translation>Der Allokator-Katalog: eigene Bibliotheken, Pfade je Host und eine Prüfung der Bibliotheken auf den Hosts</translation>
    </message>
    <message>
        <source>%1: connection refused, the host key has changed. %2</source>
        <translation>%1: Verbindung abgelehnt, der Host-Schlüssel hat sich geändert. %2</translation>
    </message>
</context>
<context>
    <name>alloclab::PollStatus</name>
    <message>
        <source>Poll &amp;now</source>
        <translation>Jetzt &amp;abfragen</translation>
    </message>
    <message>
        <source>&amp;Pause polling</source>
        <translation>Abfragen &amp;pausieren</translation>
    </message>
    <message>
        <source>Poll every host now (Ctrl+R)</source>
        <translation>Jetzt alle Hosts abfragen (Ctrl+R)</translation>
    </message>
    <message>
        <source>Pause or resume polling on the interval</source>
        <translation>Das Abfragen im Intervall pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>frage ab…</translation>
    </message>
    <message>
        <source>polling paused</source>
        <translation>Abfragen pausiert</translation>
    </message>
    <message>
        <source>next poll %1</source>
        <translation>nächste Abfrage %1</translation>
    </message>
    <message>
        <source>not polling</source>
        <translation>keine Abfragen</translation>
    </message>
    <message>
        <source>last poll %1 ms, with errors</source>
        <translation>letzte Abfrage %1 ms, mit Fehlern</translation>
    </message>
    <message>
        <source>last poll %1 ms</source>
        <translation>letzte Abfrage %1 ms</translation>
    </message>
</context>
<context>
    <name>alloclab::Poller</name>
    <message>
        <source>%1: the probe&apos;s output was rejected: %2</source>
        <translation>%1: Die Ausgabe der Probe wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration: expected e.g. 30s, 5m, 1h or 1h30m.</source>
        <translation>&apos;%1&apos; ist keine Dauer: erwartet z. B. 30s, 5m, 1h oder 1h30m.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long a duration.</source>
        <translation>&apos;%1&apos; ist eine zu lange Dauer.</translation>
    </message>
</context>
<context>
    <name>alloclab::RelayCardDelegate</name>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt gesehen %1</translation>
    </message>
    <message>
        <source>%1 · last seen %2</source>
        <translation>%1 · zuletzt gesehen %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>alloclab::RolloutModel</name>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>as before AllocLab</source>
        <translation>wie vor AllocLab</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (no change)</source>
        <translation>%1 (keine Änderung)</translation>
    </message>
    <message>
        <source>now: %1
after: %2</source>
        <translation>jetzt: %1
danach: %2</translation>
    </message>
    <message>
        <source>PID %1 → %2</source>
        <translation>PID %1 → %2</translation>
    </message>
    <message>
        <source>restart queued (with jitter)</source>
        <translation>Neustart eingereiht (mit Jitter)</translation>
    </message>
    <message>
        <source>waiting for: active, a new PID, the library mapped, stable for the settle time</source>
        <translation>warte auf: aktiv, eine neue PID, die Bibliothek eingeblendet, stabil während der Beruhigungszeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Already right</source>
        <translation>Bereits richtig</translation>
    </message>
    <message>
        <source>Writing drop-in</source>
        <translation>Schreibe Drop-in</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation>Zurücksetzen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>alloclab::RolloutView</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No rollout yet</source>
        <translation>Noch kein Rollout</translation>
    </message>
    <message>
        <source>A deploy of an experiment&apos;s groups, a rollout of the winning allocator or a rollback shows up here relay by relay: what changes, what was verified, what was rolled back.</source>
        <translation>Das Ausrollen der Gruppen eines Experiments, der Rollout des siegreichen Allokators oder ein Rollback erscheint hier Relay für Relay: was sich ändert, was bestätigt und was zurückgesetzt wurde.</translation>
    </message>
    <message>
        <source>Start no new batch after the one in flight (it is verified as usual).</source>
        <translation>Nach dem laufenden Stapel keinen neuen starten (er wird wie üblich geprüft).</translation>
    </message>
    <message>
        <source>Continue with the next batch.</source>
        <translation>Mit dem nächsten Stapel fortfahren.</translation>
    </message>
    <message>
        <source>Finish the batch in flight (verify it, roll back failures), then stop. Relays not yet touched keep what they have; a new deploy resumes.</source>
        <translation>Den laufenden Stapel abschließen (prüfen, Fehlschläge zurücksetzen), dann anhalten. Noch nicht berührte Relays behalten ihren Stand; erneutes Ausrollen setzt fort.</translation>
    </message>
    <message>
        <source>Every step (drop-ins, reload, restarts, verification, rollbacks) is logged here and in the database.</source>
        <translation>Jeder Schritt (Drop-ins, Reload, Neustarts, Prüfung, Rollbacks) wird hier und in der Datenbank protokolliert.</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Ausrollen</translation>
    </message>
    <message>
        <source>Started: batches of %1, canary %2 per host.</source>
        <translation>Gestartet: Stapel zu %1, %2 Testrelay(s) je Host.</translation>
    </message>
    <message>
        <source>drop-ins + daemon-reload</source>
        <translation>Drop-ins + daemon-reload</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>ROLLBACK</source>
        <translation>ROLLBACK</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>VERBINDUNG VERLOREN</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>wieder verbunden</translation>
    </message>
    <message>
        <source>%1 of %2 relays done</source>
        <translation>%1 von %2 Relays erledigt</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>Aborted: %1 verified, %2 rolled back; the rest were not touched. Deploy again to resume.</source>
        <translation>Abgebrochen: %1 bestätigt, %2 zurückgesetzt; der Rest wurde nicht berührt. Rollen Sie erneut aus, um fortzusetzen.</translation>
    </message>
    <message>
        <source>Finished with problems: %1 verified, %2 rolled back. See the log; deploy again to resume.</source>
        <translation>Mit Problemen beendet: %1 bestätigt, %2 zurückgesetzt. Siehe Protokoll; rollen Sie erneut aus, um fortzusetzen.</translation>
    </message>
    <message>
        <source>Paused: the batch in flight finishes; no new batch starts.</source>
        <translation>Pausiert: der laufende Stapel wird abgeschlossen; kein neuer Stapel startet.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Aborting: the batch in flight is verified (failures rolled back), then the rollout stops.</source>
        <translation>Breche ab: der laufende Stapel wird geprüft (Fehlschläge zurückgesetzt), dann stoppt der Rollout.</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aborting&lt;/b&gt; after the batch in flight</source>
        <translation>&lt;b&gt;Bricht ab&lt;/b&gt; nach dem laufenden Stapel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paused&lt;/b&gt; — the batch in flight finishes, no new batch starts</source>
        <translation>&lt;b&gt;Pausiert&lt;/b&gt; — der laufende Stapel wird abgeschlossen, kein neuer Stapel startet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running&lt;/b&gt;</source>
        <translation>&lt;b&gt;Läuft&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Planned&lt;/b&gt;</source>
        <translation>&lt;b&gt;Geplant&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 to roll back on %2</source>
        <translation>%1 auf %2 zurückzusetzen</translation>
    </message>
    <message>
        <source>%1 to change on %2</source>
        <translation>%1 auf %2 zu ändern</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n relay(s) verified, nothing failed.</source>
        <translation>
            <numerusform>Fertig: %n Relay bestätigt, nichts fehlgeschlagen.</numerusform>
            <numerusform>Fertig: %n Relays bestätigt, nichts fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HALTED after %n failed relay(s): %1 verified, %2 rolled back. Nothing else was touched.</source>
        <translation>
            <numerusform>ANGEHALTEN nach %n fehlgeschlagenen Relay: %1 bestätigt, %2 zurückgesetzt. Sonst wurde nichts berührt.</numerusform>
            <numerusform>ANGEHALTEN nach %n fehlgeschlagenen Relays: %1 bestätigt, %2 zurückgesetzt. Sonst wurde nichts berührt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The ssh_config AllocLab reads for aliases, users, ports and keys, like ssh -F. Empty: %1</source>
        <translation>Die ssh_config, aus der AllocLab Aliase, Benutzer, Ports und Schlüssel liest, wie ssh -F. Leer: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for a host to answer and authenticate</source>
        <translation>Wie lange auf Antwort und Anmeldung eines Hosts gewartet wird</translation>
    </message>
    <message>
        <source>How long one probe or command may run on a host</source>
        <translation>Wie lange eine Probe oder ein Befehl auf einem Host laufen darf</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>Used from the next start; --db on the command line overrides it.</source>
        <translation>Gilt ab dem nächsten Start; --db auf der Kommandozeile hat Vorrang.</translation>
    </message>
    <message>
        <source>ssh_config:</source>
        <translation>ssh_config:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Verbindungs-Zeitlimit:</translation>
    </message>
    <message>
        <source>Command timeout:</source>
        <translation>Befehls-Zeitlimit:</translation>
    </message>
    <message>
        <source>Poll:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>ssh_config</source>
        <translation>ssh_config</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>AllocLab databases (*.sqlite *.db);;All files (*)</source>
        <translation>AllocLab-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>alloclab::SummaryView</name>
    <message>
        <source>&amp;Latest snapshot</source>
        <translation>&amp;Neueste Momentaufnahme</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Allokator</translation>
    </message>
    <message>
        <source>Relays</source>
        <translation>Relays</translation>
    </message>
    <message>
        <source>Mean GiB</source>
        <translation>Mittel GiB</translation>
    </message>
    <message>
        <source>Median GiB</source>
        <translation>Median GiB</translation>
    </message>
    <message>
        <source>vs. best</source>
        <translation>ggü. bestem</translation>
    </message>
    <message>
        <source>Growth GiB/day</source>
        <translation>Wachstum GiB/Tag</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>&amp;Copy as Markdown</source>
        <translation>Als Markdown &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Roll Out the Winner…</source>
        <translation>Gewinner a&amp;usrollen…</translation>
    </message>
    <message>
        <source>E&amp;xperiment:</source>
        <translation>E&amp;xperiment:</translation>
    </message>
    <message>
        <source>Snapshot %1 UTC · worst/best %2 · growth fitted since %3 UTC</source>
        <translation>Momentaufnahme %1 UTC · schlechteste/beste %2 · Wachstum angepasst seit %3 UTC</translation>
    </message>
    <message>
        <source>No samples yet for this experiment.</source>
        <translation>Noch keine Messwerte für dieses Experiment.</translation>
    </message>
    <message>
        <source>No group has samples at this snapshot</source>
        <translation>Keine Gruppe hat Messwerte zu dieser Momentaufnahme</translation>
    </message>
    <message>
        <source>Deploy %1 to every relay</source>
        <translation>%1 auf alle Relays ausrollen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Measure which memory allocator keeps your Tor relays small.</source>
        <translation>Messen, welcher Speicher-Allokator Ihre Tor-Relays klein hält.</translation>
    </message>
    <message>
        <source>Language of the interface, e.g. de.</source>
        <translation>Sprache der Oberfläche, z. B. de.</translation>
    </message>
    <message>
        <source>ssh_config file to read, like ssh -F.</source>
        <translation>Zu lesende ssh_config-Datei, wie ssh -F.</translation>
    </message>
    <message>
        <source>Database file to open (default: the preference, else %1).</source>
        <translation>Zu öffnende Datenbankdatei (Standard: die Einstellung, sonst %1).</translation>
    </message>
</context>
</TS>

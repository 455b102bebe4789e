<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>alloclab::MainWindow</name>
    <message>
        <source>AllocLab</source>
        <translation>AllocLab</translation>
    </message>
    <message>
        <source>AllocLab %1 started; database %2</source>
        <translation>AllocLab %1 gestartet; Datenbank %2</translation>
    </message>
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
        <translation>Jetzt &amp;abfragen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
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
        <source>No experiment yet</source>
        <translation>Noch kein Experiment</translation>
    </message>
    <message>
        <source>An experiment compares allocators on your own relays. Create one, then drag relays from the Fleet into its groups (A: mimalloc 3.0.1, B: mimalloc 2.0.9, …).</source>
        <translation>Ein Experiment vergleicht Allokatoren auf Ihren eigenen Relays. Legen Sie eines an und ziehen Sie dann Relays aus der Flotte in seine Gruppen (A: mimalloc 3.0.1, B: mimalloc 2.0.9, …).</translation>
    </message>
    <message>
        <source>No measurements yet</source>
        <translation>Noch keine Messungen</translation>
    </message>
    <message>
        <source>Memory over time, trajectories, boxplots and distributions per group appear here once AllocLab has polled your relays or you have imported existing CSV files.</source>
        <translation>Speicher über die Zeit, Verläufe, Boxplots und Verteilungen je Gruppe erscheinen hier, sobald AllocLab Ihre Relays abgefragt hat oder Sie vorhandene CSV-Dateien importiert haben.</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>Nothing to compare yet</source>
        <translation>Noch nichts zu vergleichen</translation>
    </message>
    <message>
        <source>The verdict table ranks the groups of an experiment by memory per relay and growth per day, and offers to roll the winner out to every relay.</source>
        <translation>Die Ergebnistabelle ordnet die Gruppen eines Experiments nach Speicher pro Relay und Wachstum pro Tag und bietet an, den Gewinner auf alle Relays auszurollen.</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Auswertung</translation>
    </message>
    <message>
        <source>No deploy has run</source>
        <translation>Noch kein Rollout gelaufen</translation>
    </message>
    <message>
        <source>Deploys restart relays canary first, verify the allocator really loaded and roll back on failure. Their progress, relay by relay, appears here.</source>
        <translation>Rollouts starten Relays neu, zuerst einen Kanarienvogel, prüfen, ob der Allokator wirklich geladen ist, und machen Fehlschläge rückgängig. Ihr Fortschritt erscheint hier, Relay für Relay.</translation>
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
        <source>Polling off</source>
        <translation>Abfragen aus</translation>
    </message>
    <message>
        <source>The database AllocLab and alloclab-cli share</source>
        <translation>Die Datenbank, die AllocLab und alloclab-cli gemeinsam nutzen</translation>
    </message>
    <message>
        <source>%1 is not available in this build yet.</source>
        <translation>%1 ist in dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>About AllocLab</source>
        <translation>Über AllocLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AllocLab %1&lt;/h3&gt;&lt;p&gt;Measure which memory allocator keeps your Tor relays small, then roll it out safely.&lt;/p&gt;&lt;p&gt;Qt %2 · libssh %3 · SQLite %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AllocLab %1&lt;/h3&gt;&lt;p&gt;Messen Sie, welcher Speicher-Allokator Ihre Tor-Relays klein hält, und rollen Sie ihn sicher aus.&lt;/p&gt;&lt;p&gt;Qt %2 · libssh %3 · SQLite %4&lt;/p&gt;</translation>
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
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Charts</name>
    <message numerus="yes">
        <source>mean of %n relays</source>
        <translation>
            <numerusform>mean of %n relay</numerusform>
            <numerusform>mean of %n relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>range of %n relays</source>
        <translation>
            <numerusform>range of %n relay</numerusform>
            <numerusform>range of %n relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n largest relays</source>
        <translation>
            <numerusform>the %n largest relay</numerusform>
            <numerusform>the %n largest relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relays</source>
        <translation>
            <numerusform>%n relay</numerusform>
            <numerusform>%n relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; band: range per group, lines: the %n largest of each</source>
        <translation>
            <numerusform>%1; band: range per group, lines: the %n largest of each</numerusform>
            <numerusform>%1; band: range per group, lines: the %n largest of each</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%1 %2: stored %n sample(s), poll %3</source>
        <translation>
            <numerusform>%1 %2: stored %n sample, poll %3</numerusform>
            <numerusform>%1 %2: stored %n samples, poll %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n relay(s), %2 ms</source>
        <translation>
            <numerusform>%1: %n relay, %2 ms</numerusform>
            <numerusform>%1: %n relays, %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolving %n target(s) ...</source>
        <translation>
            <numerusform>Resolving %n target ...</numerusform>
            <numerusform>Resolving %n targets ...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n error(s); nothing was imported.</source>
        <translation>
            <numerusform>%1 has %n error; nothing was imported.</numerusform>
            <numerusform>%1 has %n errors; nothing was imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message numerus="yes">
        <source>The allocator &apos;%1&apos; is used by %n experiment group(s); remove those groups first.</source>
        <translation>
            <numerusform>The allocator &apos;%1&apos; is used by %n experiment group; remove that group first.</numerusform>
            <numerusform>The allocator &apos;%1&apos; is used by %n experiment groups; remove those groups first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeployPlan</name>
    <message numerus="yes">
        <source>== host %1: %2 of %n relay(s) change</source>
        <translation>
            <numerusform>== host %1: %2 of %n relay changes</numerusform>
            <numerusform>== host %1: %2 of %n relays change</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostDeployExecutor</name>
    <message numerus="yes">
        <source>The rollout HALTED after %n failed relay(s).</source>
        <translation>
            <numerusform>The rollout HALTED after %n failed relay.</numerusform>
            <numerusform>The rollout HALTED after %n failed relays.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>preflight ok: %n relay(s) to change</source>
        <translation>
            <numerusform>preflight ok: %n relay to change</numerusform>
            <numerusform>preflight ok: %n relays to change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>restart loop: systemd restarted it %n time(s) during the settle time</source>
        <translation>
            <numerusform>restart loop: systemd restarted it %n time during the settle time</numerusform>
            <numerusform>restart loop: systemd restarted it %n times during the settle time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message numerus="yes">
        <source>%n relay(s)</source>
        <translation>
            <numerusform>%n relay</numerusform>
            <numerusform>%n relays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::AllocatorsDialog</name>
    <message numerus="yes">
        <source>Checked %n host(s); %1 could not be reached.</source>
        <translation>
            <numerusform>Checked %n host; %1 could not be reached.</numerusform>
            <numerusform>Checked %n hosts; %1 could not be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n host(s).</source>
        <translation>
            <numerusform>Checked %n host.</numerusform>
            <numerusform>Checked %n hosts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%n host path(s))</source>
        <translation>
            <numerusform>(+%n host path)</numerusform>
            <numerusform>(+%n host paths)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %n host(s)…</source>
        <translation>
            <numerusform>Checking %n host…</numerusform>
            <numerusform>Checking %n hosts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::BoardModel</name>
    <message numerus="yes">
        <source>Only %n relays: too few to compare (at least %1).</source>
        <translation>
            <numerusform>Only %n relay: too few to compare (at least %1).</numerusform>
            <numerusform>Only %n relays: too few to compare (at least %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n relays to %1</source>
        <translation>
            <numerusform>Move %n relay to %1</numerusform>
            <numerusform>Move %n relays to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distribute %n relays (seed %1)</source>
        <translation>
            <numerusform>Distribute %n relay (seed %1)</numerusform>
            <numerusform>Distribute %n relays (seed %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::DeployDialog</name>
    <message numerus="yes">
        <source>%n relay(s) already right are left alone.</source>
        <translation>
            <numerusform>%n relay already right is left alone.</numerusform>
            <numerusform>%n relays already right are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Per host: %n canary relay(s) first, alone, then batches of %1.</source>
        <translation>
            <numerusform>Per host: %n canary relay first, alone, then batches of %1.</numerusform>
            <numerusform>Per host: %n canary relays first, alone, then batches of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::Deployer</name>
    <message numerus="yes">
        <source>The rollout halted after %n failed relay(s).</source>
        <translation>
            <numerusform>The rollout halted after %n failed relay.</numerusform>
            <numerusform>The rollout halted after %n failed relays.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::DistributeDialog</name>
    <message numerus="yes">
        <source>Assign %n relays to the groups at random, stratified by host and by RSS: every group gets its share of each host and of small and large relays. The same seed gives the same draw.</source>
        <translation>
            <numerusform>Assign %n relay to the groups at random, stratified by host and by RSS: every group gets its share of each host and of small and large relays. The same seed gives the same draw.</numerusform>
            <numerusform>Assign %n relays to the groups at random, stratified by host and by RSS: every group gets its share of each host and of small and large relays. The same seed gives the same draw.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::ImportDialog</name>
    <message numerus="yes">
        <source>%n file(s) ready to import.</source>
        <translation>
            <numerusform>%n file ready to import.</numerusform>
            <numerusform>%n files ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was stored (%n error(s)).</source>
        <translation>
            <numerusform>Nothing was stored (%n error).</numerusform>
            <numerusform>Nothing was stored (%n errors).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relay setting(s) new or changed.</source>
        <translation>
            <numerusform>%n relay setting new or changed.</numerusform>
            <numerusform>%n relay settings new or changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) skipped.</source>
        <translation>
            <numerusform>%n bad row skipped.</numerusform>
            <numerusform>%n bad rows skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::MainWindow</name>
    <message numerus="yes">
        <source>%1 has %n error(s); nothing was imported.</source>
        <translation>
            <numerusform>%1 has %n error; nothing was imported.</numerusform>
            <numerusform>%1 has %n errors; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s)</source>
        <translation>
            <numerusform>%1: %n new host</numerusform>
            <numerusform>%1: %n new hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n host(s) …</source>
        <translation>
            <numerusform>Refreshing %n host …</numerusform>
            <numerusform>Refreshing %n hosts …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>poll %1: %n relays, %2 ms</source>
        <translation>
            <numerusform>poll %1: %n relay, %2 ms</numerusform>
            <numerusform>poll %1: %n relays, %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n host(s) unreachable</source>
        <translation>
            <numerusform>; %n host unreachable</numerusform>
            <numerusform>; %n hosts unreachable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n host(s) not stored</source>
        <translation>
            <numerusform>; %n host not stored</numerusform>
            <numerusform>; %n hosts not stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n event(s)</source>
        <translation>
            <numerusform>; %n event</numerusform>
            <numerusform>; %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>alloclab::RolloutView</name>
    <message numerus="yes">
        <source>Finished: %n relay(s) verified, nothing failed.</source>
        <translation>
            <numerusform>Finished: %n relay verified, nothing failed.</numerusform>
            <numerusform>Finished: %n relays verified, nothing failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>HALTED after %n failed relay(s): %1 verified, %2 rolled back. Nothing else was touched.</source>
        <translation>
            <numerusform>HALTED after %n failed relay: %1 verified, %2 rolled back. Nothing else was touched.</numerusform>
            <numerusform>HALTED after %n failed relays: %1 verified, %2 rolled back. Nothing else was touched.</numerusform>
        </translation>
    </message>
</context>
</TS>

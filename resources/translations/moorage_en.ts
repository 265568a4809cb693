<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>EnginePage</name>
    <message numerus="yes">
        <location filename="../../ui/engine_page.py"/>
        <source>%Ln CPU(s), %1 memory</source>
        <translation>
            <numerusform>%Ln CPU, %1 memory</numerusform>
            <numerusform>%Ln CPUs, %1 memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/engine_page.py"/>
        <source>Removes all %Ln stopped container(s) (%1). Running ones stay.</source>
        <translation>
            <numerusform>Removes the %Ln stopped container (%1). Running ones stay.</numerusform>
            <numerusform>Removes all %Ln stopped containers (%1). Running ones stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryBrowser</name>
    <message numerus="yes">
        <location filename="../../ui/registry_browser.py"/>
        <source>%Ln repositories.</source>
        <translation>
            <numerusform>%Ln repository.</numerusform>
            <numerusform>%Ln repositories.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry_browser.py"/>
        <source>%Ln repositories so far, reading on…</source>
        <translation>
            <numerusform>%Ln repository so far, reading on…</numerusform>
            <numerusform>%Ln repositories so far, reading on…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln stopped container(s) removed, %1 freed — %2</source>
        <translation>
            <numerusform>%Ln stopped container removed, %1 freed — %2</numerusform>
            <numerusform>%Ln stopped containers removed, %1 freed — %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) sent %1</source>
        <translation>
            <numerusform>%Ln container sent %1</numerusform>
            <numerusform>%Ln containers sent %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) unpaused</source>
        <translation>
            <numerusform>%Ln container unpaused</numerusform>
            <numerusform>%Ln containers unpaused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) paused</source>
        <translation>
            <numerusform>%Ln container paused</numerusform>
            <numerusform>%Ln containers paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln IP address(es) copied</source>
        <translation>
            <numerusform>%Ln IP address copied</numerusform>
            <numerusform>%Ln IP addresses copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container name(s) copied</source>
        <translation>
            <numerusform>%Ln container name copied</numerusform>
            <numerusform>%Ln container names copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container ID(s) copied</source>
        <translation>
            <numerusform>%Ln container ID copied</numerusform>
            <numerusform>%Ln container IDs copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="117"/>
        <source>No container is running. Tick “Show all” to see the %Ln stopped one(s).</source>
        <translation>
            <numerusform>No container is running. Tick “Show all” to see the %Ln stopped one.</numerusform>
            <numerusform>No container is running. Tick “Show all” to see the %Ln stopped ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="151"/>
        <source>%Ln container(s) started</source>
        <translation>
            <numerusform>%Ln container started</numerusform>
            <numerusform>%Ln containers started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="163"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>%Ln container stopped</numerusform>
            <numerusform>%Ln containers stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="175"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>%Ln container restarted</numerusform>
            <numerusform>%Ln containers restarted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="213"/>
        <source>Remove %Ln container(s)?</source>
        <translation>
            <numerusform>Remove %Ln container?</numerusform>
            <numerusform>Remove %Ln containers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="218"/>
        <source>%Ln running container(s) will be stopped and removed (forced): %1.</source>
        <translation>
            <numerusform>%Ln running container will be stopped and removed (forced): %1.</numerusform>
            <numerusform>%Ln running containers will be stopped and removed (forced): %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="235"/>
        <source>%Ln container(s) removed</source>
        <translation>
            <numerusform>%Ln container removed</numerusform>
            <numerusform>%Ln containers removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message numerus="yes">
        <location filename="../../ui/images_page.py"/>
        <source>%Ln image(s) tagged</source>
        <translation>
            <numerusform>%Ln image tagged</numerusform>
            <numerusform>%Ln images tagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="91"/>
        <source>Remove %Ln image(s)?</source>
        <translation>
            <numerusform>Remove %Ln image?</numerusform>
            <numerusform>Remove %Ln images?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="134"/>
        <source>%Ln image(s) are used by stopped containers (%1). Remove them anyway?</source>
        <translation>
            <numerusform>%Ln image is used by stopped containers (%1). Remove it anyway?</numerusform>
            <numerusform>%Ln images are used by stopped containers (%1). Remove them anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="151"/>
        <source>%Ln image(s) removed</source>
        <translation>
            <numerusform>%Ln image removed</numerusform>
            <numerusform>%Ln images removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogsWindow</name>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="92"/>
        <source>Last %Ln line(s)</source>
        <translation>
            <numerusform>Last %Ln line</numerusform>
            <numerusform>Last %Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="304"/>
        <source>Follow (%Ln new)</source>
        <translation>
            <numerusform>Follow (%Ln new)</numerusform>
            <numerusform>Follow (%Ln new)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="310"/>
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="312"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="316"/>
        <source>%Ln line(s)/s</source>
        <translation>
            <numerusform>%Ln line/s</numerusform>
            <numerusform>%Ln lines/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="320"/>
        <source>%Ln line(s) skipped: they came faster than they could be read</source>
        <translation>
            <numerusform>%Ln line skipped: it came faster than it could be read</numerusform>
            <numerusform>%Ln lines skipped: they came faster than they could be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="393"/>
        <source>Saved %Ln line(s) to %1</source>
        <translation>
            <numerusform>Saved %Ln line to %1</numerusform>
            <numerusform>Saved %Ln lines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="484"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln container</numerusform>
            <numerusform>%Ln containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="485"/>
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln running</numerusform>
            <numerusform>%Ln running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="486"/>
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message numerus="yes">
        <location filename="../../ui/table_page.py" line="337"/>
        <source>%Ln of %1 failed:</source>
        <translation>
            <numerusform>%Ln of %1 failed:</numerusform>
            <numerusform>%Ln of %1 failed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageDetailsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/image_details.py"/>
        <source>%Ln step(s), %1 in all</source>
        <translation>
            <numerusform>%Ln step, %1 in all</numerusform>
            <numerusform>%Ln steps, %1 in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KillDialog</name>
    <message numerus="yes">
        <location filename="../../ui/kill_dialog.py"/>
        <source>Send a signal to the main process of %Ln container(s). SIGKILL ends it at once; other signals can be caught by the program.</source>
        <translation>
            <numerusform>Send a signal to the main process of %Ln container. SIGKILL ends it at once; other signals can be caught by the program.</numerusform>
            <numerusform>Send a signal to the main process of %Ln containers. SIGKILL ends it at once; other signals can be caught by the program.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PruneContainersDialog</name>
    <message numerus="yes">
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Remove %Ln container(s)</source>
        <translation>
            <numerusform>Remove %Ln container</numerusform>
            <numerusform>Remove %Ln containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>%Ln stopped container(s) will be removed, freeing %1 of their own files. Their volumes stay.</source>
        <translation>
            <numerusform>%Ln stopped container will be removed, freeing %1 of its own files. Its volumes stay.</numerusform>
            <numerusform>%Ln stopped containers will be removed, freeing %1 of their own files. Their volumes stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestartDialog</name>
    <message numerus="yes">
        <location filename="../../ui/restart_dialog.py"/>
        <source>Restart %Ln container(s): each is asked to stop, and killed if it has not stopped within the time below.</source>
        <translation>
            <numerusform>Restart %Ln container: it is asked to stop, and killed if it has not stopped within the time below.</numerusform>
            <numerusform>Restart %Ln containers: each is asked to stop, and killed if it has not stopped within the time below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message numerus="yes">
        <location filename="../../ui/run_dialog.py"/>
        <source>%Ln host folder(s) to mount do not exist. Create them?</source>
        <translation>
            <numerusform>%Ln host folder to mount does not exist. Create it?</numerusform>
            <numerusform>%Ln host folders to mount do not exist. Create them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) removed — %1</source>
        <translation>
            <numerusform>%Ln network removed — %1</numerusform>
            <numerusform>%Ln networks removed — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) no running container is on will be removed.</source>
        <translation>
            <numerusform>%Ln network no running container is on will be removed.</numerusform>
            <numerusform>%Ln networks no running container is on will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln container(s) disconnected</source>
        <translation>
            <numerusform>%Ln container disconnected</numerusform>
            <numerusform>%Ln containers disconnected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) removed</source>
        <translation>
            <numerusform>%Ln network removed</numerusform>
            <numerusform>%Ln networks removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>Remove %Ln network(s)?</source>
        <translation>
            <numerusform>Remove %Ln network?</numerusform>
            <numerusform>Remove %Ln networks?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumesPage</name>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) removed, %1 freed — %2</source>
        <translation>
            <numerusform>%Ln volume removed, %1 freed — %2</numerusform>
            <numerusform>%Ln volumes removed, %1 freed — %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) no container uses will be removed with their data, freeing at least %1.</source>
        <translation>
            <numerusform>%Ln volume no container uses will be removed with its data, freeing at least %1.</numerusform>
            <numerusform>%Ln volumes no container uses will be removed with their data, freeing at least %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) removed</source>
        <translation>
            <numerusform>%Ln volume removed</numerusform>
            <numerusform>%Ln volumes removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) are used by stopped containers (%1). Remove those containers, then the volumes?</source>
        <translation>
            <numerusform>%Ln volume is used by stopped containers (%1). Remove those containers, then the volume?</numerusform>
            <numerusform>%Ln volumes are used by stopped containers (%1). Remove those containers, then the volumes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove %Ln volume(s) and the data in them?</source>
        <translation>
            <numerusform>Remove %Ln volume and the data in it?</numerusform>
            <numerusform>Remove %Ln volumes and the data in them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln year</numerusform>
            <numerusform>%Ln years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln week(s)</source>
        <translation>
            <numerusform>%Ln week</numerusform>
            <numerusform>%Ln weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesWindow</name>
    <message numerus="yes">
        <location filename="../../ui/files_window.py"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeBrowser</name>
    <message numerus="yes">
        <location filename="../../ui/volume_browser.py"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineList</name>
    <message numerus="yes">
        <location filename="../../ui/engine_list.py"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln container</numerusform>
            <numerusform>%Ln containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln running container(s) will be stopped and removed (forced).</source>
        <translation>
            <numerusform>%Ln running container will be stopped and removed (forced).</numerusform>
            <numerusform>%Ln running containers will be stopped and removed (forced).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove %Ln container(s)?</source>
        <translation>
            <numerusform>Remove %Ln container?</numerusform>
            <numerusform>Remove %Ln containers?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) removed</source>
        <translation>
            <numerusform>%Ln container removed</numerusform>
            <numerusform>%Ln containers removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>%Ln container restarted</numerusform>
            <numerusform>%Ln containers restarted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>%Ln container stopped</numerusform>
            <numerusform>%Ln containers stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) started</source>
        <translation>
            <numerusform>%Ln container started</numerusform>
            <numerusform>%Ln containers started</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodesPage</name>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Removed %Ln node(s)</source>
        <translation>
            <numerusform>Removed %Ln node</numerusform>
            <numerusform>Removed %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Activated %Ln node(s)</source>
        <translation>
            <numerusform>Activated %Ln node</numerusform>
            <numerusform>Activated %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Paused %Ln node(s)</source>
        <translation>
            <numerusform>Paused %Ln node</numerusform>
            <numerusform>Paused %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Drained %Ln node(s)</source>
        <translation>
            <numerusform>Drained %Ln node</numerusform>
            <numerusform>Drained %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Demoted %Ln node(s)</source>
        <translation>
            <numerusform>Demoted %Ln node</numerusform>
            <numerusform>Demoted %Ln nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Promoted %Ln node(s)</source>
        <translation>
            <numerusform>Promoted %Ln node</numerusform>
            <numerusform>Promoted %Ln nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 and %Ln more</numerusform>
            <numerusform>%1 and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln pull(s), push(es) or build(s) finished</source>
        <translation>
            <numerusform>%Ln pull, push or build finished</numerusform>
            <numerusform>%Ln pulls, pushes or builds finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln pull(s), push(es) or build(s) failed</source>
        <translation>
            <numerusform>%Ln pull, push or build failed</numerusform>
            <numerusform>%Ln pulls, pushes or builds failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) became unhealthy</source>
        <translation>
            <numerusform>%Ln container became unhealthy</numerusform>
            <numerusform>%Ln containers became unhealthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) ran out of memory</source>
        <translation>
            <numerusform>%Ln container ran out of memory</numerusform>
            <numerusform>%Ln containers ran out of memory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) exited with an error</source>
        <translation>
            <numerusform>%Ln container exited with an error</numerusform>
            <numerusform>%Ln containers exited with an error</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SwarmObjectsPage</name>
    <message numerus="yes">
        <location filename="../../ui/secrets_page.py"/>
        <source>Removed %Ln config(s)</source>
        <translation>
            <numerusform>Removed %Ln config</numerusform>
            <numerusform>Removed %Ln configs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/secrets_page.py"/>
        <source>Removed %Ln secret(s)</source>
        <translation>
            <numerusform>Removed %Ln secret</numerusform>
            <numerusform>Removed %Ln secrets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Remove the stack(s) %1 and their %Ln service(s)?</source>
        <translation>
            <numerusform>Remove the stack(s) %1 and their %Ln service?</numerusform>
            <numerusform>Remove the stack(s) %1 and their %Ln services?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>%Ln service(s) removed</source>
        <translation>
            <numerusform>%Ln service removed</numerusform>
            <numerusform>%Ln services removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Remove %Ln service(s) and stop their tasks?</source>
        <translation>
            <numerusform>Remove %Ln service and stop its tasks?</numerusform>
            <numerusform>Remove %Ln services and stop their tasks?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Rollback of %Ln service(s) under way</source>
        <translation>
            <numerusform>Rollback of %Ln service under way</numerusform>
            <numerusform>Rollback of %Ln services under way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Update of %Ln service(s) under way</source>
        <translation>
            <numerusform>Update of %Ln service under way</numerusform>
            <numerusform>Update of %Ln services under way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>%Ln service(s) scaled</source>
        <translation>
            <numerusform>%Ln service scaled</numerusform>
            <numerusform>%Ln services scaled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>%Ln container restarted</numerusform>
            <numerusform>%Ln containers restarted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>%Ln container stopped</numerusform>
            <numerusform>%Ln containers stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln more in the window…</source>
        <translation>
            <numerusform>%Ln more in the window…</numerusform>
            <numerusform>%Ln more in the window…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) running</source>
        <translation>
            <numerusform>%Ln container running</numerusform>
            <numerusform>%Ln containers running</numerusform>
        </translation>
    </message>
</context>
</TS>

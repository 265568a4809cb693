<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Columns</name>
    <message>
        <location filename="../../models/containers.py" line="77"/>
        <source>Container ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="83"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="90"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="92"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="94"/>
        <location filename="../../models/images.py" line="77"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="108"/>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../models/images.py" line="65"/>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../models/images.py" line="69"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../models/images.py" line="71"/>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <location filename="../../models/images.py" line="84"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>ContainerState</name>
    <message>
        <location filename="../../models/containers.py" line="34"/>
        <source>Created</source>
        <extracomment>Colours of the state dot in the Name column, chosen to read on light and dark themes.</extracomment>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="35"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="36"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="37"/>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="38"/>
        <source>Being removed</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="39"/>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="40"/>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="41"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <location filename="../../ui/containers_page.py" line="29"/>
        <source>Containers</source>
        <extracomment>Initial column widths: ID, Name, Image, Command, Created, Status, Ports.</extracomment>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="39"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="42"/>
        <source>Show stopped containers too (docker ps -a)</source>
        <translation>同时显示已停止的容器（docker ps -a）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="47"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="50"/>
        <source>Start the selected containers</source>
        <translation>启动所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="53"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="56"/>
        <source>Stop the selected containers</source>
        <translation>停止所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="59"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="62"/>
        <source>Restart the selected containers</source>
        <translation>重启所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="65"/>
        <location filename="../../ui/containers_page.py" line="148"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="69"/>
        <source>Remove the selected containers (Delete)</source>
        <translation>删除所选容器（Delete 键）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="96"/>
        <source>Containers started: %1</source>
        <translation>已启动容器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="108"/>
        <source>Containers stopped: %1</source>
        <translation>已停止容器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="120"/>
        <source>Containers restarted: %1</source>
        <translation>已重启容器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="131"/>
        <source>Remove the container %1?</source>
        <translation>删除容器 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="133"/>
        <source>Remove %1 containers?</source>
        <translation>删除 %1 个容器？</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="134"/>
        <source>Its file system changes are lost; volumes stay.</source>
        <translation>容器文件系统中的改动将丢失；数据卷会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="137"/>
        <source>%1 running will be stopped and removed (forced): %2.</source>
        <translation>%1 个正在运行的容器将被强制停止并删除：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="146"/>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="153"/>
        <source>Containers removed: %1</source>
        <translation>已删除容器：%1</translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <location filename="../../ui/images_page.py" line="34"/>
        <source>Images</source>
        <extracomment>Initial column widths: Repository, Tag, Image ID, Created, Size.</extracomment>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="38"/>
        <location filename="../../ui/images_page.py" line="85"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="42"/>
        <source>Untag or delete the selected images (Delete)</source>
        <translation>取消标签或删除所选镜像（Delete 键）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="54"/>
        <source>Untag %1 (the image stays as %2)</source>
        <translation>取消标签 %1（镜像仍保留为 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="60"/>
        <source>Delete %1 (%2)</source>
        <translation>删除 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="69"/>
        <source>used by running containers: %1</source>
        <translation>正被运行中的容器使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="78"/>
        <source>Remove the image %1?</source>
        <translation>删除镜像 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="80"/>
        <source>Remove %1 images?</source>
        <translation>删除 %1 个镜像？</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="83"/>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="109"/>
        <source>The image is used by running container %1: stop and remove it first.</source>
        <translation>该镜像正被运行中的容器 %1 使用：请先停止并删除该容器。</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="130"/>
        <location filename="../../ui/images_page.py" line="135"/>
        <source>Images removed: %1</source>
        <translation>已删除镜像：%1</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="121"/>
        <source>Images in use</source>
        <translation>镜像正在使用</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="122"/>
        <source>%1 images are used by stopped containers (%2). Remove them anyway?</source>
        <translation>%1 个镜像正被已停止的容器（%2）使用。仍要删除吗？</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="125"/>
        <source>Force remove</source>
        <translation>强制删除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53"/>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Connected to Docker %1 (API %2) at %3</source>
        <translation>已连接到 Docker %1（API %2），地址 %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Retrying in %1 s.</source>
        <translation>%1 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Retrying…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Cannot reach the Docker engine. %1 The tables show the last known state. %2</source>
        <translation>无法连接 Docker 引擎。%1 表格中显示的是最后已知的状态。%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Containers: %1 (%2 running) · Images: %3</source>
        <translation>容器：%1（%2 个运行中）· 镜像：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Moorage stopped following the engine after an internal error: %1</source>
        <translation>Moorage 因内部错误停止了对引擎的跟踪：%1</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../ui/table_page.py" line="97"/>
        <source>Filter (Ctrl+F)</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="158"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="195"/>
        <source>Some actions failed</source>
        <translation>部分操作失败</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="196"/>
        <source>%1 of %2 failed:</source>
        <translation>%2 项中有 %1 项失败：</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="204"/>
        <source>Equivalent command:</source>
        <translation>等效命令：</translation>
    </message>
</context>
</TS>

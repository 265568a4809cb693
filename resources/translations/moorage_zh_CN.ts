<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RegistriesDialog</name>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Registry logins</source>
        <translation>仓库登录</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Registries</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Registry</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Kept in</source>
        <translation>凭据保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Not logged in to any registry.</source>
        <translation>尚未登录任何仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Logged in to %1. The same: %2</source>
        <translation>已登录 %1。等效命令：%2</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Log out of %1?</source>
        <translation>要退出 %1 的登录吗？</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>The docker command line shares this login and loses it too.</source>
        <translation>docker 命令行共用此登录，也会一同退出。</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Logged out of %1. The same: %2</source>
        <translation>已退出 %1 的登录。等效命令：%2</translation>
    </message>
    <message>
        <location filename="../../ui/registries_dialog.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Desired state</source>
        <translation>期望状态</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Slot</source>
        <translation>槽位</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>Stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../../models/secrets.py"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Manager status</source>
        <translation>管理状态</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Availability</source>
        <translation>可用性</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location filename="../../models/fleet.py"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>PIDs</source>
        <translation>进程数</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>Block I/O</source>
        <translation>块 I/O</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>Net I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>Mem %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>Memory / limit</source>
        <translation>内存 / 限制</translation>
    </message>
    <message>
        <location filename="../../models/stats.py"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../../models/container_files.py"/>
        <source>Link target</source>
        <translation>链接目标</translation>
    </message>
    <message>
        <location filename="../../models/container_files.py"/>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../models/container_files.py"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location filename="../../models/container_files.py"/>
        <source>Mode</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../models/volumes.py"/>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../../models/volumes.py"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../models/volumes.py"/>
        <source>Mount point</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../models/registry_browser.py"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../models/registry_browser.py"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../models/registry_browser.py"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Restore of %1 cancelled</source>
        <translation>%1 的恢复已取消</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Restored %1 — %2</source>
        <translation>已恢复 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Backup of %1 cancelled</source>
        <translation>%1 的备份已取消</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Backed up %1 — %2</source>
        <translation>已备份 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Backing up %1 — %2</source>
        <translation>正在备份 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Restoring %1 — %2</source>
        <translation>正在恢复 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Set up Docker…</source>
        <translation>安装 Docker…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Fleet</source>
        <translation>引擎群</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Copy failed</source>
        <translation>复制失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Copy of %1 cancelled</source>
        <translation>已取消复制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Copied %1 — %2</source>
        <translation>已复制 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>&amp;Command palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>The pull was cancelled.</source>
        <translation>拉取已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Export of %1 cancelled</source>
        <translation>已取消导出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Exported %1 — %2</source>
        <translation>已导出 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Exporting %1 — %2</source>
        <translation>正在导出 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>Container started — %1</source>
        <translation>容器已启动 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>&amp;Browse a registry…</source>
        <translation>浏览镜像仓库(&amp;B)…</translation>
    </message>
    <message>
        <source>Building — %1</source>
        <translation>正在构建 — %1</translation>
    </message>
</context>
<context>
    <name>RegistryBrowser</name>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Browse a registry</source>
        <translation>浏览镜像仓库</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>host:port of a registry</source>
        <translation>镜像仓库的 主机:端口</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Filter repositories</source>
        <translation>筛选仓库</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Search Docker Hub</source>
        <translation>搜索 Docker Hub</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Delete tag…</source>
        <translation>删除标签…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Registry:</source>
        <translation>镜像仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Type what to search for in the filter box first.</source>
        <translation>请先在筛选框中输入要搜索的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Searching Docker Hub for %1…</source>
        <translation>正在 Docker Hub 中搜索 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Delete %1 from %2?</source>
        <translation>要从 %2 删除 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>The registry deletes the manifest %1: every tag of it goes, and no one can pull it from there any more. There is no docker command for this; it is the API call %2.</source>
        <translation>镜像仓库将删除清单 %1：指向它的所有标签都会随之删除，之后任何人都无法再从那里拉取它。docker 命令行没有对应的命令；这是 API 调用 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Deleted %1 from %2 (%3).</source>
        <translation>已从 %2 删除 %1（%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_browser.py"/>
        <source>The same: %1</source>
        <translation>等效命令：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry_browser.py"/>
        <source>%Ln repositories.</source>
        <translation>
            <numerusform>%Ln 个仓库。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/registry_browser.py"/>
        <source>%Ln repositories so far, reading on…</source>
        <translation>
            <numerusform>已读取 %Ln 个仓库，继续读取中…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryApi</name>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry sent its next page to another server (%1).</source>
        <translation>镜像仓库把下一页指向了另一台服务器（%1）。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's manifest is not JSON.</source>
        <translation>镜像仓库返回的清单不是 JSON。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's manifest is not an object.</source>
        <translation>镜像仓库返回的清单不是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The tag has an old schema 1 manifest, which is not shown here.</source>
        <translation>该标签使用旧的 schema 1 清单，此处不显示。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's manifest lacks its layers or config.</source>
        <translation>镜像仓库返回的清单缺少分层或配置。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's answer is larger than %1 MB.</source>
        <translation>镜像仓库的应答超过 %1 MB。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's answer broke off: %1.</source>
        <translation>镜像仓库的应答中断：%1。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 answers over plain HTTP, and the engine does not list it in insecure-registries.</source>
        <translation>%1 使用明文 HTTP 应答，而引擎的 insecure-registries 中没有它。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 is not a registry (it answered HTTP %2 at /v2/).</source>
        <translation>%1 不是镜像仓库（它在 /v2/ 应答了 HTTP %2）。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 does not allow deleting: its configuration leaves storage.delete switched off.</source>
        <translation>%1 不允许删除：它的配置没有开启 storage.delete。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's list of %1 is not what the API says.</source>
        <translation>镜像仓库返回的 %1 列表不符合 API 规定。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry asks for a token from “%1”, no address.</source>
        <translation>镜像仓库要求从“%1”获取令牌，但这不是一个地址。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's login service cannot be reached: %1.</source>
        <translation>无法连接镜像仓库的登录服务：%1。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The registry's login service gave no token (HTTP %1).</source>
        <translation>镜像仓库的登录服务没有给出令牌（HTTP %1）。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 cannot be reached: %2.</source>
        <translation>无法连接 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 asks for a login: log in to it under Registries…</source>
        <translation>%1 要求登录：请在“仓库…”中登录它。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>Wrong user name or password for %1.</source>
        <translation>%1 的用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 refused: this login may not do that.</source>
        <translation>%1 拒绝了：此登录无权这样做。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>Not in the registry any more: %1</source>
        <translation>镜像仓库中已不存在：%1</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 does not offer this (HTTP 404): %2</source>
        <translation>%1 不提供此功能（HTTP 404）：%2</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 asks to slow down; try later.</source>
        <translation>%1 要求降低请求频率；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 应答了 HTTP %2：%3</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>Docker Hub search cannot be reached: %1.</source>
        <translation>无法连接 Docker Hub 搜索：%1。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>Docker Hub search gave no usable answer (HTTP %1).</source>
        <translation>Docker Hub 搜索没有给出可用的应答（HTTP %1）。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>No registry is open.</source>
        <translation>尚未打开镜像仓库。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>Docker Hub does not list its repositories: type a name in the filter and press Search Docker Hub.</source>
        <translation>Docker Hub 不列出其仓库：请在筛选框中输入名称，然后点击“搜索 Docker Hub”。</translation>
    </message>
    <message>
        <location filename="../../services/registry_api.py"/>
        <source>The tag’s details are still being read.</source>
        <translation>仍在读取该标签的详细信息。</translation>
    </message>
</context>
<context>
    <name>MirrorListModel</name>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Mirror</source>
        <translation>加速器地址</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <location filename="../../models/mirror_list.py"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Reachable, %1 ms</source>
        <translation>可访问，%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Unreachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
</context>
<context>
    <name>MirrorOutcome</name>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Applied: the engine now uses the new settings; no container was restarted.</source>
        <translation>已应用：引擎现已使用新设置；没有重启任何容器。</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Saved. Restart Docker Desktop to use the new settings.</source>
        <translation>已保存。请重启 Docker Desktop 以使用新设置。</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>Saved, but the daemon could not be told to reload. Run: sudo systemctl reload docker</source>
        <translation>已保存，但无法通知守护进程重新加载。请运行：sudo systemctl reload docker</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>The engine refused the new settings, so the previous file was put back. It said: %1</source>
        <translation>引擎拒绝了新的设置，已放回之前的文件。引擎的原话：%1</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>The engine refused the new settings, so the previous file was put back. Its log (journalctl -u docker) says why.</source>
        <translation>引擎拒绝了新的设置，已放回之前的文件。原因请查看其日志（journalctl -u docker）。</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>The engine reloaded the file but reports other settings: it uses %1.</source>
        <translation>引擎已重新加载该文件，但报告的设置不同：它正在使用 %1。</translation>
    </message>
    <message>
        <location filename="../../models/mirror_list.py"/>
        <source>no mirrors</source>
        <translation>无加速器</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="84"/>
        <source>Container ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="97"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="101"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="103"/>
        <location filename="../../models/images.py" line="77"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="110"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="117"/>
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
    <message>
        <location filename="../../models/image_layers.py"/>
        <source>Created by</source>
        <translation>创建指令</translation>
    </message>
    <message>
        <location filename="../../models/image_layers.py"/>
        <source>Comment</source>
        <translation>注释</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/connection_dialog.py" line="52"/>
        <source>Add connection</source>
        <translation>添加连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="58"/>
        <source>build server</source>
        <translation>构建服务器</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="66"/>
        <source>TLS (for tcp://)</source>
        <translation>TLS（用于 tcp://）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="71"/>
        <source>CA certificate (ca.pem)</source>
        <translation>CA 证书（ca.pem）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="73"/>
        <source>Client certificate (cert.pem)</source>
        <translation>客户端证书（cert.pem）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="75"/>
        <source>Client key (key.pem)</source>
        <translation>客户端私钥（key.pem）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="76"/>
        <source>Verify the engine&apos;s certificate (recommended)</source>
        <translation>验证引擎的证书（推荐）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="81"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="95"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="96"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="114"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="148"/>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="55"/>
        <source>Edit connection</source>
        <translation>编辑连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="86"/>
        <source>Without verification, anyone on the way to the engine can pretend to be it, see everything sent to it and control it. Turn it off only for an engine you are testing.</source>
        <translation>不验证证书时，你与引擎之间的任何人都可以冒充引擎，看到发给它的一切并控制它。只应对你正在测试的引擎关闭验证。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="175"/>
        <source>The saved connection “%1” has this name already.</source>
        <translation>已保存的连接“%1”已使用这个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="175"/>
        <source>The saved connection “%1” uses this address already.</source>
        <translation>已保存的连接“%1”已使用这个地址。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="201"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ContainerState</name>
    <message>
        <location filename="../../models/containers.py" line="36"/>
        <source>Created</source>
        <extracomment>Colours of the state dot in the Name column, chosen to read on light and dark themes.</extracomment>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="37"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="38"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="39"/>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="40"/>
        <source>Being removed</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="41"/>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="42"/>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../models/containers.py" line="43"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ContainersPage</name>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Browse the selected container&apos;s files, running or stopped; copy files out and in (docker cp)</source>
        <translation>浏览所选容器的文件（运行中或已停止），复制文件进出（docker cp）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>A live table of every running container&apos;s CPU and memory (docker stats)</source>
        <translation>所有运行中容器 CPU 和内存的实时表格（docker stats）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Stats of all running</source>
        <translation>所有运行中容器的统计</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>CPU, memory, network and disk of the selected containers, and their processes</source>
        <translation>所选容器的 CPU、内存、网络和磁盘，以及它们的进程</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Stats</source>
        <translation>资源统计</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>A shell in the selected container: docker exec -it (Ctrl+T)</source>
        <translation>在所选容器中打开 shell：docker exec -it（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln stopped container(s) removed, %1 freed — %2</source>
        <translation>
            <numerusform>已删除 %Ln 个已停止的容器，释放 %1 — %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>All files (*)</source>
        <translation>所有文件（*）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Tar archives (*.tar)</source>
        <translation>tar 归档（*.tar）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Export a container</source>
        <translation>导出容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Committed %1 as the image %2 (%3) — %4</source>
        <translation>已将 %1 提交为镜像 %2（%3）— %4</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Renamed %1 to %2 — %3</source>
        <translation>已将 %1 重命名为 %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) sent %1</source>
        <translation>
            <numerusform>已向 %Ln 个容器发送 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) unpaused</source>
        <translation>
            <numerusform>已恢复 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container(s) paused</source>
        <translation>
            <numerusform>已暂停 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>List the stopped containers, then remove them all (docker container prune)</source>
        <translation>列出已停止的容器，然后全部删除（docker container prune）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Remove stopped…</source>
        <translation>删除已停止的…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Write the selected container&apos;s file system to a tar (Ctrl+E)</source>
        <translation>把所选容器的文件系统写入 tar 文件（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Make an image of the selected container&apos;s files</source>
        <translation>用所选容器的文件制作镜像</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Commit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Give the selected container a new name (F2)</source>
        <translation>给所选容器一个新名称（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Restart the selected containers after a wait you choose (Ctrl+Shift+R)</source>
        <translation>按你选择的等待时间重启所选容器（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Restart…</source>
        <translation>延时重启…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Send a signal to the selected containers (Ctrl+Shift+K)</source>
        <translation>向所选容器发送信号（Ctrl+Shift+K）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Kill…</source>
        <translation>发送信号…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Unpause the selected paused containers (Ctrl+Shift+P)</source>
        <translation>恢复所选的已暂停容器（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Unpause</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Pause the selected running containers (Ctrl+P)</source>
        <translation>暂停所选的运行中容器（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Remove their anonymous volumes too (docker rm -v)</source>
        <translation>同时删除其匿名数据卷（docker rm -v）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Its file system changes are lost; named volumes stay, anonymous ones too unless ticked below.</source>
        <translation>其文件系统的改动将丢失；命名数据卷保留，匿名数据卷除非勾选下方选项也会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>No IP address (not running?): %1</source>
        <translation>没有 IP 地址（未运行？）：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln IP address(es) copied</source>
        <translation>
            <numerusform>已复制 %Ln 个 IP 地址</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container name(s) copied</source>
        <translation>
            <numerusform>已复制 %Ln 个容器名称</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py"/>
        <source>%Ln container ID(s) copied</source>
        <translation>
            <numerusform>已复制 %Ln 个容器 ID</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Open a published port of the selected containers in the web browser</source>
        <translation>在网页浏览器中打开所选容器发布的端口</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Copy the selected containers&apos; names (Ctrl+C), IDs or IP addresses, one per line</source>
        <translation>复制所选容器的名称（Ctrl+C）、ID 或 IP 地址，每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>The selected containers&apos; settings, state and JSON (Ctrl+I)</source>
        <translation>所选容器的设置、状态和 JSON（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Cannot duplicate %1: %2</source>
        <translation>无法复制 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Open the selected container&apos;s settings in the Run form, to run another</source>
        <translation>在运行表单中打开所选容器的设置，以运行另一个容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Duplicate…</source>
        <translation>复制为新容器…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Create and start a container from an image (Ctrl+N)</source>
        <translation>从镜像创建并启动容器（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py"/>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="36"/>
        <source>Containers</source>
        <extracomment>Logs windows opened at once from one selection, at most. Initial column widths: ID, Name, Image, Command, Created, Status, Ports.</extracomment>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="46"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="49"/>
        <source>Show stopped containers too (docker ps -a)</source>
        <translation>同时显示已停止的容器（docker ps -a）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="54"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="57"/>
        <source>Start the selected containers</source>
        <translation>启动所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="60"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="63"/>
        <source>Stop the selected containers</source>
        <translation>停止所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="66"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="69"/>
        <source>Restart the selected containers</source>
        <translation>重启所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="72"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="76"/>
        <source>Follow the selected containers&apos; logs (Ctrl+L, Enter, or double-click)</source>
        <translation>跟随所选容器的日志（Ctrl+L、回车键或双击）</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="79"/>
        <location filename="../../ui/containers_page.py" line="208"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="83"/>
        <source>Remove the selected containers (Delete)</source>
        <translation>删除所选容器（Delete 键）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="117"/>
        <source>No container is running. Tick “Show all” to see the %Ln stopped one(s).</source>
        <translation>
            <numerusform>没有正在运行的容器。勾选“显示全部”可查看 %Ln 个已停止的容器。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="109"/>
        <source>This engine has no containers yet. Create one with docker run, or verify the installation on the Engine page.</source>
        <translation>此引擎还没有容器。可以用 docker run 创建一个，或在“引擎”页面验证安装。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="151"/>
        <source>%Ln container(s) started</source>
        <translation>
            <numerusform>已启动 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="163"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>已停止 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="175"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>已重启 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="191"/>
        <source>Remove the container %1?</source>
        <translation>删除容器 %1？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="213"/>
        <source>Remove %Ln container(s)?</source>
        <translation>
            <numerusform>删除 %Ln 个容器？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="218"/>
        <source>%Ln running container(s) will be stopped and removed (forced): %1.</source>
        <translation>
            <numerusform>%Ln 个正在运行的容器将被强制停止并删除：%1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/containers_page.py" line="206"/>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/containers_page.py" line="235"/>
        <source>%Ln container(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个容器</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>“%1” is not a registry address.</source>
        <translation>“%1”不是仓库地址。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>config.json names the credentials helper “%1”, which is not a helper's name; nothing was run.</source>
        <translation>config.json 指定的凭据助手“%1”不是助手的名称；没有运行任何程序。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>The credentials helper %1 is not installed.</source>
        <translation>凭据助手 %1 没有安装。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>The credentials helper %1 did not answer within %2 s.</source>
        <translation>凭据助手 %1 在 %2 秒内没有回应。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>The credentials helper %1 failed to %2 the login: %3</source>
        <translation>凭据助手 %1 执行 %2 失败：%3</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>%1 is not valid JSON (%2); it was left as it is.</source>
        <translation>%1 不是有效的 JSON（%2）；文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>%1 does not hold a JSON object; it was left as it is.</source>
        <translation>%1 的内容不是 JSON 对象；文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../services/credentials.py"/>
        <source>“auths” in %1 is not a JSON object; it was left as it is.</source>
        <translation>%1 中的“auths”不是 JSON 对象；文件保持原样。</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>the default for a rootful daemon</source>
        <translation>rootful 守护进程的默认位置</translation>
    </message>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>the default for a rootless daemon</source>
        <translation>rootless 守护进程的默认位置</translation>
    </message>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>--config-file of the running daemon (pid %1)</source>
        <translation>正在运行的守护进程的 --config-file（pid %1）</translation>
    </message>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>the file Docker Desktop reads</source>
        <translation>Docker Desktop 读取的文件</translation>
    </message>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>%1 is a remote engine</source>
        <translation>%1 是远程引擎</translation>
    </message>
    <message>
        <location filename="../../services/daemon_location.py"/>
        <source>the default for Docker on Windows</source>
        <translation>Windows 版 Docker 的默认位置</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="149"/>
        <source>Docker %1 is running</source>
        <extracomment>Seconds a check waits for an answer.</extracomment>
        <translation>Docker %1 正在运行</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="152"/>
        <source>API %1, %2/%3, kernel %4.</source>
        <translation>API %1，%2/%3，内核 %4。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="189"/>
        <source>Nothing listens at %1: there is no socket.</source>
        <translation>%1 上没有任何进程监听：该套接字不存在。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="196"/>
        <source>%1 exists but nothing listens on it: the daemon stopped or crashed.</source>
        <translation>%1 存在，但没有进程监听：守护进程已停止或崩溃。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="208"/>
        <source>The engine&apos;s socket cannot be used</source>
        <translation>无法使用引擎的套接字</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="268"/>
        <source>Docker is not installed</source>
        <translation>未安装 Docker</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="271"/>
        <source>No Docker Engine (dockerd) was found on this machine. Install it, start it, then press Retry.</source>
        <translation>在本机上没有找到 Docker 引擎（dockerd）。请安装并启动它，然后点击“重试”。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="310"/>
        <source>systemd says docker.service failed: its log says why (often a daemon.json it cannot read).</source>
        <translation>systemd 报告 docker.service 启动失败：原因见其日志（常见原因是无法读取的 daemon.json）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="320"/>
        <source>systemd reports docker.service as %1.</source>
        <translation>systemd 报告 docker.service 的状态为 %1。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="324"/>
        <source>The Docker daemon is not running</source>
        <translation>Docker 守护进程未运行</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="338"/>
        <location filename="../../services/diagnostics.py" line="396"/>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="341"/>
        <source>%1 may not open %2 (or a folder above it).</source>
        <translation>%1 无权打开 %2（或其上层目录）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="353"/>
        <source>You are in the %1 group, but not in this session</source>
        <translation>你已在 %1 组中，但当前会话尚未生效</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="358"/>
        <source>%1 was added to %2 after this session started; group changes apply from the next login. Log out and back in (or start a shell with the group).</source>
        <translation>%1 是在本次会话开始后才加入 %2 组的；组的变更从下次登录起生效。请注销并重新登录（或启动一个带有该组的 shell）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="373"/>
        <source>%1 is not in the docker group</source>
        <translation>%1 不在 docker 组中</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="376"/>
        <source>The engine&apos;s socket %1 is open to root and the docker group only.</source>
        <translation>引擎的套接字 %1 只对 root 和 docker 组开放。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="383"/>
        <source>Members of the group can control the engine and through it get root on this machine: add only people you would give sudo. Rootless Docker avoids this.</source>
        <translation>该组的成员可以控制引擎，并借此获得本机的 root 权限：只添加你愿意授予 sudo 的人。无根（rootless）Docker 可以避免这一点。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="390"/>
        <source>Log out and back in after adding yourself.</source>
        <translation>加入后请注销并重新登录。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="399"/>
        <source>%1 belongs to the group %2, which %3 is not in.</source>
        <translation>%1 属于 %2 组，而 %3 不在该组中。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="426"/>
        <source>The engine&apos;s TLS certificate is not trusted</source>
        <translation>引擎的 TLS 证书不受信任</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="431"/>
        <source>Check the certificate paths of this connection (ca.pem must be the CA that signed the engine&apos;s certificate, for this host name, not expired).</source>
        <translation>请检查此连接的证书路径（ca.pem 必须是签发引擎证书的 CA，证书须对应此主机名且未过期）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="443"/>
        <source>TLS with the engine failed</source>
        <translation>与引擎的 TLS 连接失败</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="447"/>
        <source>Does the engine expect TLS on this port, and does it accept this client certificate?</source>
        <translation>引擎是否在此端口上使用 TLS？它是否接受此客户端证书？</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="458"/>
        <source>The engine expects TLS</source>
        <translation>引擎要求使用 TLS</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="461"/>
        <source>%1 answers only over TLS: give the connection its certificates (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH).</source>
        <translation>%1 只接受 TLS 连接：请为此连接提供证书（DOCKER_TLS_VERIFY=1，DOCKER_CERT_PATH）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="474"/>
        <source>ssh to the engine&apos;s host failed</source>
        <translation>通过 ssh 连接引擎所在主机失败</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="478"/>
        <source>Check that the command below works in a terminal without a password prompt (use an agent or a key) and that the user may run docker there.</source>
        <translation>请确认下面的命令能在终端中无需输入密码地运行（使用 agent 或密钥），并且该用户在那台主机上有权运行 docker。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="491"/>
        <source>The engine answered with an error</source>
        <translation>引擎返回了错误</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="495"/>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有响应</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="507"/>
        <source>The engine cannot be reached</source>
        <translation>无法连接到引擎</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="511"/>
        <source>Is the host up, the engine listening on that port, and no firewall in between?</source>
        <translation>主机是否在线？引擎是否在该端口监听？中间是否有防火墙？</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="140"/>
        <source>An engine address is unix:///PATH (a socket), tcp://HOST:PORT or ssh://[USER@]HOST[:PORT].</source>
        <translation>引擎地址的形式为 unix:///路径（套接字）、tcp://主机:端口 或 ssh://[用户@]主机[:端口]。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="164"/>
        <source>The port of %1 must be a number from 1 to 65535.</source>
        <translation>%1 的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="167"/>
        <source>%1 is not a URL.</source>
        <translation>%1 不是 URL。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="170"/>
        <source>%1 has no scheme such as tcp:// or ssh://.</source>
        <translation>%1 缺少 tcp:// 或 ssh:// 之类的协议前缀。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="174"/>
        <source>%1:// is not a scheme the engine is reached through.</source>
        <translation>%1:// 不是可以连接引擎的协议。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="181"/>
        <source>%1 holds a password. Docker never uses one written in the address, and it would be kept in plain text: use an ssh key or agent for ssh://, certificates for tcp://.</source>
        <translation>%1 中含有密码。Docker 从不使用写在地址中的密码，而且它会以明文保存：ssh:// 请使用 ssh 密钥或代理（agent），tcp:// 请使用证书。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="188"/>
        <source>%1 has spaces or control characters.</source>
        <translation>%1 中含有空格或控制字符。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="191"/>
        <source>An engine address has no query (?) or fragment (#).</source>
        <translation>引擎地址中不能有查询（?）或片段（#）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="196"/>
        <source>%1 has no socket path: write unix:///PATH, with three slashes.</source>
        <translation>%1 中没有套接字路径：请写成 unix:///路径（三个斜杠）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="203"/>
        <source>%1 has no host name.</source>
        <translation>%1 中没有主机名。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="205"/>
        <source>“%1” is not a host name.</source>
        <translation>“%1”不是有效的主机名。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="207"/>
        <source>“%1” is not a user name.</source>
        <translation>“%1”不是有效的用户名。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="217"/>
        <source>%1 has no port: engines listen on 2376 with TLS, 2375 without.</source>
        <translation>%1 中没有端口：引擎使用 TLS 时监听 2376，不使用时监听 2375。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="222"/>
        <source>A tcp:// address has no user name.</source>
        <translation>tcp:// 地址中不能有用户名。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="224"/>
        <source>An ssh:// address has no path.</source>
        <translation>ssh:// 地址中不能有路径。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="247"/>
        <source>Not an engine address</source>
        <translation>不是引擎地址</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="663"/>
        <source>ssh could not log in to %1: %2</source>
        <translation>ssh 无法登录到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="676"/>
        <source>Docker is not installed on %1</source>
        <translation>%1 上没有安装 Docker</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="681"/>
        <source>ssh logs in to %1, but the docker command is not found there (or not on the PATH of a non-interactive login): %2</source>
        <translation>ssh 能登录到 %1，但那里找不到 docker 命令（或它不在非交互式登录的 PATH 中）：%2</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="692"/>
        <source>Docker on %1 failed</source>
        <translation>%1 上的 Docker 出错</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="696"/>
        <source>ssh logs in to %1, but docker version fails there: %2</source>
        <translation>ssh 能登录到 %1，但在那里运行 docker version 失败：%2</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="713"/>
        <source>ssh logs in to %1 and docker runs there, but the engine&apos;s connection through it (docker system dial-stdio) failed: %2.</source>
        <translation>ssh 能登录到 %1，docker 也能在那里运行，但经由它（docker system dial-stdio）与引擎的连接失败：%2。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="746"/>
        <source>The ssh command is not installed here (the OpenSSH client).</source>
        <translation>本机没有安装 ssh 命令（OpenSSH 客户端）。</translation>
    </message>
    <message>
        <location filename="../../services/diagnostics.py" line="751"/>
        <source>ssh did not finish within %1 s.</source>
        <translation>ssh 未在 %1 秒内结束。</translation>
    </message>
</context>
<context>
    <name>EnginePage</name>
    <message>
        <location filename="../../ui/engine_page.py" line="63"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="68"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="77"/>
        <source>About this engine</source>
        <translation>关于此引擎</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="80"/>
        <source>Docker version</source>
        <translation>Docker 版本</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="81"/>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="82"/>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="83"/>
        <source>CPUs and memory</source>
        <translation>CPU 与内存</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="84"/>
        <source>Storage driver</source>
        <translation>存储驱动</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="85"/>
        <source>Cgroup driver</source>
        <translation>Cgroup 驱动</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="86"/>
        <source>Root directory</source>
        <translation>根目录</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="87"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="39"/>
        <location filename="../../ui/engine_page.py" line="88"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="38"/>
        <location filename="../../ui/engine_page.py" line="89"/>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="40"/>
        <source>Local volumes</source>
        <translation>本地数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="41"/>
        <source>Build cache</source>
        <translation>构建缓存</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="90"/>
        <source>Registry mirrors</source>
        <translation>镜像加速器</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="91"/>
        <source>Insecure registries</source>
        <translation>非安全仓库</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="99"/>
        <source>Registry mirrors…</source>
        <translation>镜像加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="106"/>
        <source>Disk usage (docker system df)</source>
        <translation>磁盘占用（docker system df）</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="111"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="112"/>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="113"/>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="114"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="115"/>
        <source>Reclaimable</source>
        <translation>可回收</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="128"/>
        <source>Verify installation (docker run hello-world)</source>
        <translation>验证安装（docker run hello-world）</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="129"/>
        <source>Run hello-world</source>
        <translation>运行 hello-world</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="144"/>
        <source>Set up a registry mirror…</source>
        <translation>设置镜像加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="185"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/engine_page.py"/>
        <source>%Ln CPU(s), %1 memory</source>
        <translation>
            <numerusform>%Ln 个 CPU，%1 内存</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="196"/>
        <source>rootless</source>
        <translation>无根（rootless）</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="196"/>
        <source>rootful (runs as root)</source>
        <translation>有根（以 root 运行）</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="197"/>
        <source>%1 (%2 running, %3 paused, %4 stopped)</source>
        <translation>%1（%2 个运行中，%3 个已暂停，%4 个已停止）</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="228"/>
        <source>Prune…</source>
        <translation>清理…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/engine_page.py"/>
        <source>Removes all %Ln stopped container(s) (%1). Running ones stay.</source>
        <translation>
            <numerusform>删除全部 %Ln 个已停止的容器（%1）。运行中的容器会保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="250"/>
        <source>Removes dangling images (&lt;none&gt;:&lt;none&gt;), up to %1. Tagged images and images that containers use stay.</source>
        <translation>删除悬空镜像（&lt;none&gt;:&lt;none&gt;），最多 %1。带标签的镜像和容器正在使用的镜像会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="255"/>
        <source>Removes local volumes no container uses (%1). Their data is lost.</source>
        <translation>删除没有容器使用的本地数据卷（%1）。其中的数据将丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="257"/>
        <source>Removes build cache nothing uses (%1).</source>
        <translation>删除未被使用的构建缓存（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="262"/>
        <location filename="../../ui/engine_page.py" line="268"/>
        <source>Prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="281"/>
        <source>Pruned %1: %2 removed, %3 reclaimed</source>
        <translation>已清理%1：删除 %2 项，回收 %3</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="298"/>
        <source>Looking for the hello-world image…</source>
        <translation>正在查找 hello-world 镜像…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="299"/>
        <source>Pulling hello-world from Docker Hub…</source>
        <translation>正在从 Docker Hub 拉取 hello-world…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="300"/>
        <source>Running hello-world…</source>
        <translation>正在运行 hello-world…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="322"/>
        <source>Docker works: hello-world ran and said hello.</source>
        <translation>Docker 工作正常：hello-world 已运行并打了招呼。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="327"/>
        <source>Docker Hub cannot be reached from this engine, so hello-world could not be pulled. Where Docker Hub is slow or blocked, set up a registry mirror.</source>
        <translation>此引擎无法访问 Docker Hub，因此无法拉取 hello-world。在 Docker Hub 访问缓慢或受阻的地区，请设置镜像加速器。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="335"/>
        <source>hello-world did not work: %1</source>
        <translation>hello-world 运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/engine_page.py" line="349"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <location filename="../../ui/images_page.py"/>
        <source>Create and start a container from the selected image</source>
        <translation>从所选镜像创建并启动容器</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py"/>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py"/>
        <source>%Ln image(s) tagged</source>
        <translation>
            <numerusform>已为 %Ln 个镜像打标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>打标签…</translation>
    </message>
    <message>
        <source>Give the selected image another name (Ctrl+T)</source>
        <translation>给所选镜像再起一个名字（Ctrl+T）</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Push the selected tag to its registry (Ctrl+Shift+P)</source>
        <translation>把所选标签推送到它所在的仓库（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Pull an image from a registry (Ctrl+P)</source>
        <translation>从仓库拉取镜像（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="34"/>
        <source>Images</source>
        <extracomment>Initial column widths: Repository, Tag, Image ID, Created, Size.</extracomment>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="38"/>
        <location filename="../../ui/images_page.py" line="96"/>
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
        <source>This engine has no images yet. docker pull one, or run hello-world from the Engine page.</source>
        <translation>此引擎还没有镜像。可以用 docker pull 拉取一个，或在“引擎”页面运行 hello-world。</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="65"/>
        <source>Untag %1 (the image stays as %2)</source>
        <translation>取消标签 %1（镜像仍保留为 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="71"/>
        <source>Delete %1 (%2)</source>
        <translation>删除 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="80"/>
        <source>used by running containers: %1</source>
        <translation>正被运行中的容器使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="89"/>
        <source>Remove the image %1?</source>
        <translation>删除镜像 %1？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="91"/>
        <source>Remove %Ln image(s)?</source>
        <translation>
            <numerusform>删除 %Ln 个镜像？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="94"/>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="120"/>
        <source>The image is used by running container %1: stop and remove it first.</source>
        <translation>该镜像正被运行中的容器 %1 使用：请先停止并删除该容器。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="151"/>
        <source>%Ln image(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个镜像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="132"/>
        <source>Images in use</source>
        <translation>镜像正在使用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/images_page.py" line="134"/>
        <source>%Ln image(s) are used by stopped containers (%1). Remove them anyway?</source>
        <translation>
            <numerusform>%Ln 个镜像正被已停止的容器（%1）使用。仍要删除吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py" line="136"/>
        <source>Force remove</source>
        <translation>强制删除</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py"/>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <location filename="../../ui/images_page.py"/>
        <source>The image&apos;s layers, shared size, users and inspect (Ctrl+I, Enter)</source>
        <translation>镜像的层、共享大小、使用它的容器及检查信息（Ctrl+I、回车）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the selected images to a tar archive (docker save)</source>
        <translation>将所选镜像导出为 tar 归档（docker save）</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Load images from a tar archive (docker load)</source>
        <translation>从 tar 归档导入镜像（docker load）</translation>
    </message>
    <message>
        <source>Save images</source>
        <translation>导出镜像</translation>
    </message>
    <message>
        <source>Image archives (*.tar)</source>
        <translation>镜像归档（*.tar）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件（*）</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>导入镜像</translation>
    </message>
    <message>
        <source>Cannot load images</source>
        <translation>无法导入镜像</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>构建…</translation>
    </message>
    <message>
        <source>Build an image from a folder with a Dockerfile (Ctrl+B)</source>
        <translation>从含有 Dockerfile 的文件夹构建镜像（Ctrl+B）</translation>
    </message>
</context>
<context>
    <name>LogsWindow</name>
    <message>
        <location filename="../../ui/logs_window.py"/>
        <source>Lines read</source>
        <translation>读取的行数</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py"/>
        <source>Streams shown</source>
        <translation>显示的输出流</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="65"/>
        <source>Logs — %1</source>
        <extracomment>The choices of how much of the past to read: (lines, or None for the whole log). Filter keystrokes are applied after this pause in typing, in milliseconds.</extracomment>
        <translation>日志 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="76"/>
        <source>Filter lines (Ctrl+F)</source>
        <translation>筛选行（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="78"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="80"/>
        <source>Read the filter as a regular expression</source>
        <translation>将筛选内容视为正则表达式</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="81"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="85"/>
        <source>stdout and stderr</source>
        <translation>stdout 和 stderr</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="86"/>
        <source>stdout only</source>
        <translation>仅 stdout</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="87"/>
        <source>stderr only</source>
        <translation>仅 stderr</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="88"/>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="93"/>
        <source>How much of the past to read (docker logs --tail)</source>
        <translation>读取多少历史日志（docker logs --tail）</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="96"/>
        <source>Whole log</source>
        <translation>全部日志</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="92"/>
        <source>Last %Ln line(s)</source>
        <translation>
            <numerusform>最后 %Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="108"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="111"/>
        <source>Read the log again and follow it</source>
        <translation>重新读取日志并继续跟随</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="113"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="116"/>
        <source>Save the whole log to a file (docker logs &gt; file)</source>
        <translation>将全部日志保存到文件（docker logs &gt; 文件）</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="227"/>
        <source>Not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="304"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="306"/>
        <source>Stop scrolling; lines are still kept</source>
        <translation>停止滚动；新行仍会保留</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="308"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="304"/>
        <source>Follow (%Ln new)</source>
        <translation>
            <numerusform>跟随（%Ln 条新行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="313"/>
        <source>Show the new lines and keep scrolling (End)</source>
        <translation>显示新行并继续滚动（End）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="310"/>
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="312"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln 行匹配</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="333"/>
        <source>filtering…</source>
        <translation>正在筛选…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="316"/>
        <source>%Ln line(s)/s</source>
        <translation>
            <numerusform>%Ln 行/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="320"/>
        <source>%Ln line(s) skipped: they came faster than they could be read</source>
        <translation>
            <numerusform>跳过 %Ln 行：产生速度超过读取速度</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="329"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="333"/>
        <source>The output ended: the container is not running. It is followed again when the container starts.</source>
        <translation>输出已结束：容器未在运行。容器再次启动时会继续跟随。</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="338"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="340"/>
        <source>following</source>
        <translation>跟随中</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="351"/>
        <source>No line matches the filter.</source>
        <translation>没有匹配筛选条件的行。</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="353"/>
        <source>Nothing printed yet; new lines show here as they come.</source>
        <translation>尚无输出；新行产生后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="355"/>
        <source>The container printed nothing.</source>
        <translation>该容器没有任何输出。</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="375"/>
        <source>Save the log of %1</source>
        <translation>保存 %1 的日志</translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="388"/>
        <source>Saving to %1…</source>
        <translation>正在保存到 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/logs_window.py" line="393"/>
        <source>Saved %Ln line(s) to %1</source>
        <translation>
            <numerusform>已将 %Ln 行保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/logs_window.py" line="403"/>
        <source>Could not save the log: %1</source>
        <translation>无法保存日志：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Log in to a registry</source>
        <translation>登录仓库</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>docker.io for Docker Hub, or host[:port]</source>
        <translation>Docker Hub 填 docker.io，其他仓库填 主机[:端口]</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Open registry settings…</source>
        <translation>打开仓库设置…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Registry</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>%1 answers over plain HTTP, and the engine is not set to allow it. Add it to the insecure registries in the registry settings, or give it HTTPS.</source>
        <translation>%1 使用明文 HTTP 通信，而引擎没有设置为允许它。请在仓库设置中把它加入非安全仓库，或为它启用 HTTPS。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pushing %1 — %2</source>
        <translation>正在推送 %1 — %2</translation>
    </message>
    <message>
        <source>Pushed %1 (%2) — %3</source>
        <translation>已推送 %1（%2） — %3</translation>
    </message>
    <message>
        <source>Push of %1 cancelled</source>
        <translation>已取消推送 %1</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>推送失败</translation>
    </message>
    <message>
        <source>%1 wants a login to push %2, and Moorage has none for it (or one that may not push there). Log in under Moorage → Registries…</source>
        <translation>%1 要求登录后才能推送 %2，而 Moorage 没有它的登录信息（或现有登录无权推送到那里）。请在 Moorage → 仓库… 中登录。</translation>
    </message>
    <message>
        <source>Registries…</source>
        <translation>仓库…</translation>
    </message>
    <message>
        <source>Could not push %1: %2</source>
        <translation>无法推送 %1：%2</translation>
    </message>
    <message>
        <source>Pulling %1 — %2</source>
        <translation>正在拉取 %1 — %2</translation>
    </message>
    <message>
        <source>Pulled %1 — %2</source>
        <translation>已拉取 %1 — %2</translation>
    </message>
    <message>
        <source>Pull of %1 cancelled</source>
        <translation>已取消拉取 %1</translation>
    </message>
    <message>
        <source>Pull failed</source>
        <translation>拉取失败</translation>
    </message>
    <message>
        <source>Docker Hub could not be reached to pull %1. Where it is slow or blocked, a registry mirror helps.</source>
        <translation>无法连接 Docker Hub 来拉取 %1。在 Docker Hub 缓慢或被屏蔽的地方，配置镜像加速器会有帮助。</translation>
    </message>
    <message>
        <source>Registry mirrors…</source>
        <translation>镜像加速器…</translation>
    </message>
    <message>
        <source>Could not pull %1: %2</source>
        <translation>无法拉取 %1：%2</translation>
    </message>
    <message>
        <source>Equivalent command:</source>
        <translation>等效命令：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>The engine this window shows</source>
        <translation>此窗口显示的引擎</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Add connection…</source>
        <translation>添加连接…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Local engine</source>
        <translation>本机引擎</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>&amp;Moorage</source>
        <translation>&amp;Moorage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py"/>
        <source>&amp;Registries…</source>
        <translation>仓库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Copy commands</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Connected to Docker %1 (API %2) at %3</source>
        <translation>已连接到 Docker %1（API %2），地址 %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>Retrying in %1 s.</source>
        <translation>%1 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Retrying…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>The tables show the last known state. %1</source>
        <translation>表格中显示的是最后已知的状态。%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="389"/>
        <source>Cannot reach the Docker engine. %1 The tables show the last known state. %2</source>
        <translation>无法连接 Docker 引擎。%1 表格中显示的是最后已知的状态。%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="484"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="485"/>
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="486"/>
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln 个镜像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>Moorage stopped following the engine after an internal error: %1</source>
        <translation>Moorage 因内部错误停止了对引擎的跟踪：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Remove the saved connection “%1” (%2)?</source>
        <translation>删除已保存的连接“%1”（%2）？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="462"/>
        <source>Choose another connection: this address is not retried.</source>
        <translation>请选择其他连接：不会重试这个地址。</translation>
    </message>
    <message>
        <source>Saving %1 — %2</source>
        <translation>正在导出 %1 — %2</translation>
    </message>
    <message>
        <source>Loading %1 — %2</source>
        <translation>正在导入 %1 — %2</translation>
    </message>
    <message>
        <source>Saved %1 — %2</source>
        <translation>已导出 %1 — %2</translation>
    </message>
    <message>
        <source>Loaded %1 — %2</source>
        <translation>已导入 %1 — %2</translation>
    </message>
    <message>
        <source>Save of %1 cancelled</source>
        <translation>已取消导出 %1</translation>
    </message>
    <message>
        <source>Load of %1 cancelled</source>
        <translation>已取消导入 %1</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Load failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>RegistryMirrorsPage</name>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Putting the previous mirrors back…</source>
        <translation>正在恢复之前的镜像加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Apply the mirrors the file had before: %1</source>
        <translation>应用文件之前的镜像加速器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="69"/>
        <source>Registry mirrors</source>
        <translation>镜像加速器</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="76"/>
        <source>Pulls from Docker Hub try these mirrors first, in this order. Changes are written to the engine&apos;s daemon.json and applied by reloading the daemon: no container is stopped.</source>
        <translation>从 Docker Hub 拉取镜像时会按顺序优先尝试这些镜像加速器。更改会写入引擎的 daemon.json，并通过重新加载守护进程生效：不会停止任何容器。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="111"/>
        <source>Mirror address, e.g. %1</source>
        <translation>加速器地址，例如 %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="115"/>
        <location filename="../../ui/registry_mirrors_page.py" line="154"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="120"/>
        <source>Add a well-known mirror…</source>
        <translation>添加常用加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="127"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="130"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="133"/>
        <location filename="../../ui/registry_mirrors_page.py" line="157"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="139"/>
        <source>Test all</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="150"/>
        <source>host:port, IP or CIDR, e.g. registry.lan:5000</source>
        <translation>主机:端口、IP 或 CIDR，例如 registry.lan:5000</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="170"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="175"/>
        <source>Mirrors of Docker Hub (registry-mirrors)</source>
        <translation>Docker Hub 镜像加速器（registry-mirrors）</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="200"/>
        <source>Registries reached over plain HTTP or with an untrusted certificate (insecure-registries)</source>
        <translation>通过 HTTP 或不受信任证书访问的仓库（insecure-registries）</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="256"/>
        <source>This engine is remote (%1): its configuration can only be changed on its own machine.</source>
        <translation>这是远程引擎（%1）：只能在它所在的机器上修改配置。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="263"/>
        <source>Configuration file: %1 (%2)</source>
        <translation>配置文件：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="271"/>
        <source>The daemon was started with %1. dockerd refuses to start when a setting is given both as a flag and in daemon.json, so Moorage will not write it. Remove the flags from the docker service (sudo systemctl edit docker), restart it, then apply here.</source>
        <translation>守护进程启动时带有 %1 参数。同一设置若同时出现在命令行参数和 daemon.json 中，dockerd 将拒绝启动，因此 Moorage 不会写入。请先从 docker 服务中移除这些参数（sudo systemctl edit docker）并重启，然后在此应用。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="280"/>
        <source>Docker Desktop reads this file when it starts: restart Docker Desktop after applying.</source>
        <translation>Docker Desktop 在启动时读取此文件：应用后请重启 Docker Desktop。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="294"/>
        <source>The file is not valid JSON (%1). The engine will not start with it as it is. Applying replaces it with the settings below; the current file is kept as a backup beside it.</source>
        <translation>该文件不是有效的 JSON（%1），引擎无法以此启动。应用时会用下方的设置替换它；当前文件会在同一目录下保留备份。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="340"/>
        <source>%1 is already in the list.</source>
        <translation>%1 已在列表中。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="453"/>
        <location filename="../../ui/registry_mirrors_page.py" line="458"/>
        <source>Fix or remove the invalid entries first: %1</source>
        <translation>请先修正或删除无效条目：%1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="509"/>
        <source>Replace the invalid file?</source>
        <translation>替换无效的文件？</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="511"/>
        <source>%1 is not valid JSON. Replace it with these settings? The current file is kept as a backup beside it.</source>
        <translation>%1 不是有效的 JSON。要用这些设置替换它吗？当前文件会在同一目录下保留备份。</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="518"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="531"/>
        <source>Writing and reloading the engine…</source>
        <translation>正在写入并重新加载引擎…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="564"/>
        <source>no mirrors</source>
        <translation>无加速器</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="569"/>
        <source>Backup: %1</source>
        <translation>备份：%1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="577"/>
        <source>Not applied</source>
        <translation>未应用</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="585"/>
        <source>An administrator can make the same change by hand:</source>
        <translation>管理员可以手动完成同样的更改：</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="595"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py"/>
        <source>General → Tray and notifications</source>
        <translation>常规 → 托盘与通知</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py"/>
        <source>Sections</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Discard the changes?</source>
        <translation>放弃这些更改？</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>The registry mirrors were changed but not applied. Close and discard the changes?</source>
        <translation>镜像加速器已更改但尚未应用。要关闭并放弃这些更改吗？</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="604"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/registry_mirrors_page.py" line="609"/>
        <source>Engine → Registry mirrors</source>
        <translation>引擎 → 镜像加速器</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../ui/table_page.py"/>
        <source>More actions on the selection</source>
        <translation>对所选项的更多操作</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="119"/>
        <source>Filter (Ctrl+F)</source>
        <extracomment>An insert of this many rows or more is painted a turn of the event loop later (see below).</extracomment>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="170"/>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”匹配的项。</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="202"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="238"/>
        <source>Some actions failed</source>
        <translation>部分操作失败</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/table_page.py" line="337"/>
        <source>%Ln of %1 failed:</source>
        <translation>
            <numerusform>%1 项中有 %Ln 项失败：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="247"/>
        <source>Equivalent command:</source>
        <translation>等效命令：</translation>
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../models/json_tree.py"/>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
</context>
<context>
    <name>ImageDetailsDialog</name>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Image ID:</source>
        <translation>镜像 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Shared with other images:</source>
        <translation>与其他镜像共享：</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Its own:</source>
        <translation>独有：</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Used by:</source>
        <translation>使用它的容器：</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Layers several images have in common are stored once: removing this image frees only its own size, and the shared layers stay for the others.</source>
        <translation>多个镜像共有的层只存储一份：删除此镜像只会释放它独有的大小，共享的层仍留给其他镜像使用。</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>not counted by this engine</source>
        <translation>此引擎未统计</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>no container</source>
        <translation>没有容器</translation>
    </message>
    <message>
        <location filename="../../ui/image_details.py"/>
        <source>Could not read the image: %1</source>
        <translation>无法读取镜像：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/image_details.py"/>
        <source>%Ln step(s), %1 in all</source>
        <translation>
            <numerusform>%Ln 个步骤，共 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Name, name:tag, namespace/name, registry:port/name:tag or name@sha256:…; without a tag, latest.</source>
        <translation>可写 name、name:tag、namespace/name、registry:port/name:tag 或 name@sha256:…；不写标签即为 latest。</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Will pull %1</source>
        <translation>将拉取 %1</translation>
    </message>
</context>
<context>
    <name>Reference</name>
    <message>
        <source>Enter an image name.</source>
        <translation>请输入镜像名称。</translation>
    </message>
    <message>
        <source>An image reference cannot contain spaces.</source>
        <translation>镜像引用中不能有空格。</translation>
    </message>
    <message>
        <source>The reference has no image name.</source>
        <translation>该引用中没有镜像名称。</translation>
    </message>
    <message>
        <source>%1 looks like an image ID: a pull needs a repository name.</source>
        <translation>%1 看起来是镜像 ID：拉取需要仓库名称。</translation>
    </message>
    <message>
        <source>The name is %1 characters long; at most %2 are allowed.</source>
        <translation>名称长 %1 个字符，最多只能有 %2 个。</translation>
    </message>
    <message>
        <source>“%1” is not a valid registry address.</source>
        <translation>“%1”不是有效的仓库地址。</translation>
    </message>
    <message>
        <source>Repository names must be lower case: “%1” is not.</source>
        <translation>仓库名称必须是小写：“%1”不是。</translation>
    </message>
    <message>
        <source>The repository name has an empty part (“//”?).</source>
        <translation>仓库名称中有空的部分（“//”？）。</translation>
    </message>
    <message>
        <source>“%1” is not a valid repository name: use lower-case letters and digits, separated by single dots, underscores or dashes.</source>
        <translation>“%1”不是有效的仓库名称：请使用小写字母和数字，以单个点、下划线或连字符分隔。</translation>
    </message>
    <message>
        <source>The tag after “:” is empty.</source>
        <translation>“:”后面的标签为空。</translation>
    </message>
    <message>
        <source>The tag is %1 characters long; at most %2 are allowed.</source>
        <translation>标签长 %1 个字符，最多只能有 %2 个。</translation>
    </message>
    <message>
        <source>“%1” is not a valid tag: use letters, digits, underscores, dots and dashes, not starting with a dot or a dash.</source>
        <translation>“%1”不是有效的标签：请使用字母、数字、下划线、点和连字符，且不能以点或连字符开头。</translation>
    </message>
    <message>
        <source>“%1” is not a valid digest: it should be sha256: and 64 lower-case hexadecimal digits.</source>
        <translation>“%1”不是有效的摘要：应为 sha256: 加 64 位小写十六进制数字。</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>The container %1 was removed.</source>
        <translation>容器 %1 已被删除。</translation>
    </message>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>Copying in</source>
        <translation>正在复制进去</translation>
    </message>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>Copying out</source>
        <translation>正在复制出来</translation>
    </message>
    <message>
        <location filename="../../models/transfers.py"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>正在推送</translation>
    </message>
    <message>
        <source>Pushing (%1 of %2 layers)</source>
        <translation>正在推送（%1 / %2 层）</translation>
    </message>
    <message>
        <source>pushing %1 of %2</source>
        <translation>正在推送 %1 / %2</translation>
    </message>
    <message>
        <source>pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Pulling</source>
        <translation>正在拉取</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>downloading %1 of %2</source>
        <translation>正在下载 %1 / %2</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>downloaded, waiting to extract</source>
        <translation>已下载，等待解压</translation>
    </message>
    <message>
        <source>extracting %1 of %2</source>
        <translation>正在解压 %1 / %2</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Pulling (%1 of %2 layers)</source>
        <translation>正在拉取（%1 / %2 层）</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, a pipe or a device).</source>
        <translation>%1 不是普通文件（而是文件夹、管道或设备）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a tar archive.</source>
        <translation>%1 不是 tar 归档文件。</translation>
    </message>
    <message>
        <source>%1 is a tar that is not an image archive: it holds no manifest.json, as docker save writes. Nothing was sent to the engine.</source>
        <translation>%1 是 tar 文件，但不是镜像归档：其中没有 docker save 写入的 manifest.json。未向引擎发送任何内容。</translation>
    </message>
    <message>
        <source>The disk is full: %1 was not saved, and no part of it was left.</source>
        <translation>磁盘已满：%1 未能保存，也没有留下不完整的文件。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 of about %2</source>
        <translation>%1 / 约 %2</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束的</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag an image</source>
        <translation>为镜像打标签</translation>
    </message>
    <message>
        <source>A new name for %1: name:tag, namespace/name:tag or registry:port/name:tag (to push it there); without a tag, latest.</source>
        <translation>%1 的新名字：name:tag、namespace/name:tag 或 registry:port/name:tag（以便推送到那里）；不写标签即为 latest。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>打标签</translation>
    </message>
    <message>
        <source>A tag cannot contain a digest (@sha256:…): give a :tag.</source>
        <translation>标签不能含摘要（@sha256:…）：请写成 name:标签 的形式。</translation>
    </message>
    <message>
        <source>%1 — the image will also be %2</source>
        <translation>%1 — 镜像也将叫作 %2</translation>
    </message>
</context>
<context>
    <name>BuildDialog</name>
    <message>
        <location filename="../../ui/build_dialog.py"/>
        <source>Build folder</source>
        <translation>构建目录</translation>
    </message>
    <message>
        <source>Build an image</source>
        <translation>构建镜像</translation>
    </message>
    <message>
        <source>A folder with a Dockerfile</source>
        <translation>含有 Dockerfile 的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>the last stage</source>
        <translation>最后一个阶段</translation>
    </message>
    <message>
        <source>Do not use the cache</source>
        <translation>不使用缓存</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation>Dockerfile：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Build arguments (KEY=VALUE lines):</source>
        <translation>构建参数（每行一个 KEY=VALUE）：</translation>
    </message>
    <message>
        <source>Target stage:</source>
        <translation>目标阶段：</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Choose the build folder</source>
        <translation>选择构建文件夹</translation>
    </message>
    <message>
        <source>A tag cannot contain a digest (@sha256:…): give a :tag.</source>
        <translation>标签不能含摘要（@sha256:…）：请写成 name:标签 的形式。</translation>
    </message>
    <message>
        <source>A build argument is KEY=VALUE, not: %1</source>
        <translation>构建参数的格式是 KEY=VALUE，而不是：%1</translation>
    </message>
    <message>
        <source>Choose the folder that holds the Dockerfile.</source>
        <translation>请选择含有 Dockerfile 的文件夹。</translation>
    </message>
</context>
<context>
    <name>BuildWindow</name>
    <message>
        <source>Build of %1</source>
        <translation>构建 %1</translation>
    </message>
    <message>
        <source>Sending the build context…</source>
        <translation>正在发送构建上下文…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Build cancelled.</source>
        <translation>构建已取消。</translation>
    </message>
    <message>
        <source>Built %1.</source>
        <translation>已构建 %1。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>Failed at step %1 of %2: %3</source>
        <translation>失败于第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <source>The build did not start.</source>
        <translation>构建未开始。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>The folder holds no %1, which a build needs. Nothing was sent to the engine.</source>
        <translation>文件夹中没有构建所需的 %1。未向引擎发送任何内容。</translation>
    </message>
    <message>
        <source>The Dockerfile must be inside the folder, not %1.</source>
        <translation>Dockerfile 必须在该文件夹内，不能是 %1。</translation>
    </message>
    <message>
        <source>%1 in the build folder cannot be read.</source>
        <translation>无法读取构建文件夹中的 %1。</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Committing…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Committing… (the container is paused meanwhile)</source>
        <translation>正在提交…（容器暂停中）</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Line %1, “%2”: each line is one of %3 followed by its value.</source>
        <translation>第 %1 行“%2”：每行是 %3 之一，后跟它的值。</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Without a repository the image has no name (&lt;none&gt;).</source>
        <translation>没有仓库名，镜像将没有名称（&lt;none&gt;）。</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>An image made by a commit has no digest yet: give a tag.</source>
        <translation>提交生成的镜像还没有摘要：请给一个标签。</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>A tag needs a repository.</source>
        <translation>标签需要仓库名。</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Changes:</source>
        <translation>变更：</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Message:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Repository:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Pause the container while committing</source>
        <translation>提交期间暂停容器</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>One Dockerfile instruction per line, among %1.</source>
        <translation>每行一条 Dockerfile 指令，可用：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Name &lt;email&gt;</source>
        <translation>姓名 &lt;邮箱&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/commit_dialog.py"/>
        <source>Commit %1 to an image</source>
        <translation>将 %1 提交为镜像</translation>
    </message>
</context>
<context>
    <name>ContainerInspect</name>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Host port</source>
        <translation>主机端口</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Host IP</source>
        <translation>主机 IP</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Container port</source>
        <translation>容器端口</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Volume</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Entrypoint</source>
        <translation>入口点</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Restart count</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>chosen at start</source>
        <translation>启动时选定</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>not published</source>
        <translation>未发布</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../models/container_inspect.py"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
</context>
<context>
    <name>ContainerInspectWindow</name>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Could not read the container: %1</source>
        <translation>无法读取容器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>The container %1 no longer exists. What is shown is the last read.</source>
        <translation>容器 %1 已不存在。显示的是最后读取的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Check:</source>
        <translation>检查：</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Failing streak:</source>
        <translation>连续失败：</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>This container has no health check. Give it one with docker run --health-cmd, or in its image with HEALTHCHECK.</source>
        <translation>此容器没有健康检查。可用 docker run --health-cmd 或在镜像中用 HEALTHCHECK 添加。</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/container_inspect.py"/>
        <source>Inspect — %1</source>
        <translation>检查 — %1</translation>
    </message>
</context>
<context>
    <name>JsonView</name>
    <message>
        <location filename="../../ui/json_view.py"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../ui/json_view.py"/>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <location filename="../../ui/json_view.py"/>
        <source>Filter keys and values</source>
        <translation>筛选键和值</translation>
    </message>
</context>
<context>
    <name>KillDialog</name>
    <message>
        <location filename="../../ui/kill_dialog.py"/>
        <source>“%1” is not a signal the engine knows: give a name such as SIGTERM or TERM, or a number from 1 to 64.</source>
        <translation>“%1”不是引擎认识的信号：请给出 SIGTERM 或 TERM 这样的名称，或 1 到 64 的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/kill_dialog.py"/>
        <source>Choose or type a signal.</source>
        <translation>请选择或输入一个信号。</translation>
    </message>
    <message>
        <location filename="../../ui/kill_dialog.py"/>
        <source>Signal:</source>
        <translation>信号：</translation>
    </message>
    <message>
        <location filename="../../ui/kill_dialog.py"/>
        <source>Kill</source>
        <translation>发送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kill_dialog.py"/>
        <source>Send a signal to the main process of %Ln container(s). SIGKILL ends it at once; other signals can be caught by the program.</source>
        <translation>
            <numerusform>向 %Ln 个容器的主进程发送信号。SIGKILL 立即结束它；其他信号可被程序捕获。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kill_dialog.py"/>
        <source>Kill containers</source>
        <translation>向容器发送信号</translation>
    </message>
</context>
<context>
    <name>ProjectState</name>
    <message>
        <location filename="../../models/compose.py"/>
        <source>%1, %2/%3</source>
        <translation>%1，%2/%3</translation>
    </message>
    <message>
        <location filename="../../models/compose.py"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../models/compose.py"/>
        <source>Partly running</source>
        <translation>部分运行</translation>
    </message>
    <message>
        <location filename="../../models/compose.py"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
</context>
<context>
    <name>PruneContainersDialog</name>
    <message numerus="yes">
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Remove %Ln container(s)</source>
        <translation>
            <numerusform>删除 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>%Ln stopped container(s) will be removed, freeing %1 of their own files. Their volumes stay.</source>
        <translation>
            <numerusform>将删除 %Ln 个已停止的容器，释放其自身文件 %1。它们的数据卷保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>No container is stopped: there is nothing to remove.</source>
        <translation>没有已停止的容器：没有可删除的。</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Looking for stopped containers…</source>
        <translation>正在查找已停止的容器…</translation>
    </message>
    <message>
        <location filename="../../ui/prune_containers_dialog.py"/>
        <source>Remove stopped containers</source>
        <translation>删除已停止的容器</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>Renaming…</source>
        <translation>正在重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>A name starts with a letter or a digit, has at least two characters, and holds only letters, digits, _ . and -.</source>
        <translation>名称以字母或数字开头，至少两个字符，只含字母、数字、_ . 和 -。</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>That is already its name.</source>
        <translation>这已经是它的名称。</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>A new name for the container %1:</source>
        <translation>容器 %1 的新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/rename_dialog.py"/>
        <source>Rename a container</source>
        <translation>重命名容器</translation>
    </message>
</context>
<context>
    <name>RestartDialog</name>
    <message>
        <location filename="../../ui/restart_dialog.py"/>
        <source>Wait before killing:</source>
        <translation>强制结束前等待：</translation>
    </message>
    <message>
        <location filename="../../ui/restart_dialog.py"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../ui/restart_dialog.py"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restart_dialog.py"/>
        <source>Restart %Ln container(s): each is asked to stop, and killed if it has not stopped within the time below.</source>
        <translation>
            <numerusform>重启 %Ln 个容器：先请求停止，若在下面的时间内未停止则强制结束。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/restart_dialog.py"/>
        <source>Restart containers</source>
        <translation>重启容器</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Not in the form, so the new container will not have them: %1</source>
        <translation>表单中没有这些设置，新容器不会有：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The name %1 is already in use.</source>
        <translation>名称 %1 已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The original %1 was already removed.</source>
        <translation>原容器 %1 已被删除。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The engine refused: %1</source>
        <translation>引擎拒绝了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Creating the container…</source>
        <translation>正在创建容器…</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Could not remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Removing %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Could not pull %1: %2</source>
        <translation>无法拉取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Pulling %1 first: its progress is in the transfers panel…</source>
        <translation>先拉取 %1：进度显示在传输面板中…</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The folder could not be created: %1</source>
        <translation>无法创建该目录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Host port %1 is in use on this machine by another program.</source>
        <translation>主机端口 %1 正被本机的其他程序使用。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Host port %1 is taken: the container %2 publishes it.</source>
        <translation>主机端口 %1 已被占用：容器 %2 发布了它。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Create and run</source>
        <translation>创建并运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/run_dialog.py"/>
        <source>%Ln host folder(s) to mount do not exist. Create them?</source>
        <translation>
            <numerusform>要挂载的 %Ln 个主机目录不存在。要创建吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Host folders missing</source>
        <translation>主机目录不存在</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Checking the host ports…</source>
        <translation>正在检查主机端口…</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The original is removed before the new container is created: if the engine then refuses the new one, the original is already gone.</source>
        <translation>原容器会在创建新容器之前删除：如果引擎随后拒绝新容器，原容器已经不在了。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Stop and remove %1, then create the new one?</source>
        <translation>停止并删除 %1，然后创建新容器？</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Replace the container</source>
        <translation>替换容器</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Write the container&apos;s port first (80), then choose a free port.</source>
        <translation>请先写容器端口（如 80），再选择空闲端口。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>%1 is not a text file.</source>
        <translation>%1 不是文本文件。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Add an env file</source>
        <translation>添加环境变量文件</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Correct the fields marked in red first.</source>
        <translation>请先更正标红的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Enter the image to run.</source>
        <translation>请输入要运行的镜像。</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Paste a docker run line…</source>
        <translation>粘贴 docker run 命令…</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Equivalent command:</source>
        <translation>等效命令：</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Replace the original: stop and remove %1, then create this one</source>
        <translation>替换原容器：停止并删除 %1，然后创建这个</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>Duplicate a container</source>
        <translation>复制为新容器</translation>
    </message>
    <message>
        <location filename="../../ui/run_dialog.py"/>
        <source>The docker command</source>
        <translation>docker 命令</translation>
    </message>
</context>
<context>
    <name>RunFormFields</name>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Volumes of this engine: %1</source>
        <translation>此引擎的数据卷：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Unhealthy after:</source>
        <translation>判定不健康的失败次数：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Check every:</source>
        <translation>检查间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Health check:</source>
        <translation>健康检查：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>run by the container&apos;s shell</source>
        <translation>由容器的 shell 运行</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>CPUs:</source>
        <translation>CPU 数：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Memory limit:</source>
        <translation>内存限制：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>user[:group], the image&apos;s when empty</source>
        <translation>用户[:组]，留空则用镜像的设置</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Working directory:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>the image&apos;s when empty</source>
        <translation>留空则用镜像的设置</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Entrypoint:</source>
        <translation>入口点：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>the image&apos;s entrypoint when empty</source>
        <translation>留空则用镜像的入口点</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Give it a terminal (-t)</source>
        <translation>分配终端（-t）</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Keep standard input open (-i)</source>
        <translation>保持标准输入打开（-i）</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Remove the container when it stops</source>
        <translation>容器停止后自动删除</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Maximum retries:</source>
        <translation>最大重试次数：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>on-failure only</source>
        <translation>仅用于 on-failure</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Restart policy:</source>
        <translation>重启策略：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Empty: the engine&apos;s default bridge network</source>
        <translation>留空：引擎默认的 bridge 网络</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>One per line: VOLUME:/path for a named volume (made if new), /host/folder:/path for a folder of the host; add :ro for read-only.</source>
        <translation>每行一个：VOLUME:/path 挂载命名数据卷（不存在则新建），/host/folder:/path 挂载主机目录；加 :ro 为只读。</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Mounts:</source>
        <translation>挂载：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Add an env file…</source>
        <translation>添加环境变量文件…</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Published ports:</source>
        <translation>发布的端口：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Publish the port on the last line on a host port no one uses</source>
        <translation>把最后一行的端口发布到一个没人用的主机端口</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Choose a free port</source>
        <translation>选择空闲端口</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Ports &amp;&amp; env</source>
        <translation>端口和环境变量</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>the image&apos;s command when empty</source>
        <translation>留空则用镜像的命令</translation>
    </message>
    <message>
        <location filename="../../ui/run_form_fields.py"/>
        <source>chosen by the engine when empty</source>
        <translation>留空则由引擎选定</translation>
    </message>
</context>
<context>
    <name>RunLine</name>
    <message>
        <location filename="../../services/run_line.py"/>
        <source>This is not a docker run line: it should start with docker run.</source>
        <translation>这不是 docker run 命令：它应以 docker run 开头。</translation>
    </message>
    <message>
        <location filename="../../services/run_line.py"/>
        <source>The pasted line names no image to run.</source>
        <translation>粘贴的命令没有指定要运行的镜像。</translation>
    </message>
    <message>
        <location filename="../../services/run_line.py"/>
        <source>A quote in the pasted line is not closed.</source>
        <translation>粘贴的命令中有未闭合的引号。</translation>
    </message>
</context>
<context>
    <name>RunSpec</name>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is a range: one port is wanted here.</source>
        <translation>“%1”是一个范围：这里只要一个端口。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: the host range and the container range must hold as many ports (%2 and %3).</source>
        <translation>“%1”：主机端口范围与容器端口范围的端口数必须相同（%2 与 %3）。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: a range goes from the lower port to the higher, as 8000-8010.</source>
        <translation>“%1”：范围从较小的端口写到较大的端口，例如 8000-8010。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a duration: write 30s, 1m30s or 500ms.</source>
        <translation>“%1”不是时长：请写 30s、1m30s 或 500ms。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a number of CPUs (1, 0.5, 2.5).</source>
        <translation>“%1”不是 CPU 数（1、0.5、2.5）。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is below the engine&apos;s smallest limit, 6m.</source>
        <translation>“%1”低于引擎的最小限制 6m。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a memory size: write a number with b, k, m or g (512m, 1g).</source>
        <translation>“%1”不是内存大小：请写数字加 b、k、m 或 g（512m、1g）。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a restart policy: no, always, unless-stopped or on-failure.</source>
        <translation>“%1”不是重启策略：可选 no、always、unless-stopped 或 on-failure。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: “%2” is not a valid volume name.</source>
        <translation>“%1”：“%2”不是有效的数据卷名。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: write the host folder as an absolute path.</source>
        <translation>“%1”：主机目录请写绝对路径。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: the path in the container must be absolute, not “%2”.</source>
        <translation>“%1”：容器内的路径必须是绝对路径，不是“%2”。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a mount: write VOLUME:/path or /host/folder:/path, with :ro for read-only.</source>
        <translation>“%1”不是挂载：请写成 VOLUME:/path 或 /host/folder:/path，只读加 :ro。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” has no name before “=”: write KEY=VALUE.</source>
        <translation>“%1”在“=”前没有名称：请写成 KEY=VALUE。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” has no “=”: write one KEY=VALUE per line.</source>
        <translation>“%1”中没有“=”：请每行写一个 KEY=VALUE。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>Host port %1 is published twice.</source>
        <translation>主机端口 %1 发布了两次。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: “%2” is not an IP address.</source>
        <translation>“%1”：“%2”不是 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a port mapping: write [ip:][host:]container[/proto].</source>
        <translation>“%1”不是端口映射：请写成 [ip:][host:]container[/proto]。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a port mapping.</source>
        <translation>“%1”不是端口映射。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: the protocol is tcp, udp or sctp, not “%2”.</source>
        <translation>“%1”：协议是 tcp、udp 或 sctp，不是“%2”。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1”: a port is a number from 1 to 65535, not “%2”.</source>
        <translation>“%1”：端口是 1 到 65535 的数字，不是“%2”。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>A quote is not closed: %1</source>
        <translation>引号未闭合：%1</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>“%1” is not a valid name: at least two characters, letters, digits, “_”, “.” and “-”, starting with a letter or digit.</source>
        <translation>“%1”不是有效的名称：至少两个字符，只含字母、数字、“_”、“.”和“-”，以字母或数字开头。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>Retries apply to the on-failure policy only.</source>
        <translation>重试次数只适用于 on-failure 策略。</translation>
    </message>
    <message>
        <location filename="../../services/run_spec.py"/>
        <source>A container removed when it stops cannot have a restart policy.</source>
        <translation>停止后自动删除的容器不能有重启策略。</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Could not run the compose CLI: %1</source>
        <translation>无法运行 compose 命令行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Failed with exit status %1: the output above says why.</source>
        <translation>失败，退出状态 %1：原因见上面的输出。</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../ui/compose_window.py"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
</context>
<context>
    <name>ConnectNetworkDialog</name>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>IPv4 address:</source>
        <translation>IPv4 地址：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>Alias:</source>
        <translation>别名：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>empty: the engine picks one</source>
        <translation>留空：由引擎分配</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>another name it is reached by here</source>
        <translation>在此网络中访问它的另一个名称</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/connect_network_dialog.py"/>
        <source>Connect a container to %1</source>
        <translation>将容器连接到 %1</translation>
    </message>
</context>
<context>
    <name>CreateNetworkDialog</name>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>IP range:</source>
        <translation>IP 范围：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Gateway:</source>
        <translation>网关：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Subnet:</source>
        <translation>子网：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Parent interface:</source>
        <translation>父接口：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Driver:</source>
        <translation>驱动：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>KEY=VALUE, one per line (--label)</source>
        <translation>KEY=VALUE，每行一个（--label）</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>No route out of the network (--internal)</source>
        <translation>不提供通往外部的路由（--internal）</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>the addresses containers get, in CIDR form</source>
        <translation>容器获得的地址，CIDR 格式</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>empty: the engine picks a free one</source>
        <translation>留空：由引擎选一个空闲的</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>the host&apos;s interface, e.g. eth0</source>
        <translation>主机的网络接口，如 eth0</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/create_network_dialog.py"/>
        <source>Create a network</source>
        <translation>创建网络</translation>
    </message>
</context>
<context>
    <name>CreateVolumeDialog</name>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Name a driver (local is the engine&apos;s own).</source>
        <translation>请指定驱动（local 是引擎自带的）。</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Driver options:</source>
        <translation>驱动选项：</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Driver:</source>
        <translation>驱动：</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>KEY=VALUE, one per line (--label)</source>
        <translation>KEY=VALUE，每行一个（--label）</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>KEY=VALUE, one per line (--opt)</source>
        <translation>KEY=VALUE，每行一个（--opt）</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>empty: the engine makes up a name</source>
        <translation>留空：由引擎生成名称</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/create_volume_dialog.py"/>
        <source>Create a volume</source>
        <translation>创建数据卷</translation>
    </message>
</context>
<context>
    <name>DisconnectNetworkDialog</name>
    <message>
        <location filename="../../ui/disconnect_network_dialog.py"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/disconnect_network_dialog.py"/>
        <source>Containers to take off the network %1:</source>
        <translation>要从网络 %1 断开的容器：</translation>
    </message>
    <message>
        <location filename="../../ui/disconnect_network_dialog.py"/>
        <source>Disconnect from %1</source>
        <translation>从 %1 断开</translation>
    </message>
</context>
<context>
    <name>Networks</name>
    <message>
        <location filename="../../models/networks.py"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>user-defined</source>
        <translation>用户定义</translation>
    </message>
    <message>
        <location filename="../../models/networks.py"/>
        <source>predefined</source>
        <translation>预定义</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>“%1” is not an IPv4 address.</source>
        <translation>“%1”不是 IPv4 地址。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>Choose a container.</source>
        <translation>请选择一个容器。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>An IP range needs a subnet to belong to.</source>
        <translation>IP 范围需要所属的子网。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>%1 is outside the subnet %2.</source>
        <translation>%1 不在子网 %2 内。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>A gateway needs a subnet to belong to.</source>
        <translation>网关需要所属的子网。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>“%1” is not an IP address.</source>
        <translation>“%1”不是 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>“%1” is not a subnet: write it as 10.10.0.0/24.</source>
        <translation>“%1”不是子网：请写成 10.10.0.0/24 的形式。</translation>
    </message>
    <message>
        <location filename="../../services/networks.py"/>
        <source>Give the network a name without spaces or slashes.</source>
        <translation>网络名称不能含空格或斜杠。</translation>
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>The engine&apos;s own networks (bridge, host, none) cannot be removed</source>
        <translation>引擎自带的网络（bridge、host、none）不能删除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) removed — %1</source>
        <translation>
            <numerusform>已删除 %Ln 个网络 — %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove unused networks</source>
        <translation>删除未使用的网络</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Every network of yours has a running container on it: nothing to remove.</source>
        <translation>你的每个网络上都有运行中的容器：没有可删除的。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) no running container is on will be removed.</source>
        <translation>
            <numerusform>将删除 %Ln 个没有运行中容器的网络。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln container(s) disconnected</source>
        <translation>
            <numerusform>已断开 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Connected %1 to %2 — %3</source>
        <translation>已将 %1 连接到 %2 — %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>%Ln network(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个网络</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Containers are on it: %1. Disconnect or stop them first, then remove it.</source>
        <translation>有容器连接在它上面：%1。请先断开或停止它们，再删除。</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove networks</source>
        <translation>删除网络</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>%1: containers on it now: %2</source>
        <translation>%1：当前连接的容器：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/networks_page.py"/>
        <source>Remove %Ln network(s)?</source>
        <translation>
            <numerusform>删除 %Ln 个网络？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove the network %1?</source>
        <translation>删除网络 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Created the network %1 — %2</source>
        <translation>已创建网络 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove every network no running container is on (docker network prune)</source>
        <translation>删除所有没有运行中容器的网络（docker network prune）</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove unused…</source>
        <translation>删除未使用的…</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Take containers off the selected network</source>
        <translation>让容器离开所选网络</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Disconnect…</source>
        <translation>断开…</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Connect a container to the selected network</source>
        <translation>将容器连接到所选网络</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove the selected networks (Delete); the engine&apos;s own stay</source>
        <translation>删除所选网络（Delete）；引擎自带的网络保留</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Create a network (Ctrl+N)</source>
        <translation>创建网络（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <location filename="../../ui/networks_page.py"/>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
</context>
<context>
    <name>ProjectGrouping</name>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Open every project</source>
        <translation>展开所有项目</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Close every project</source>
        <translation>折叠所有项目</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>On Debian or Ubuntu: sudo apt-get install docker-compose. With Docker&apos;s own package repository: sudo apt-get install docker-compose-plugin (it adds “docker compose”).</source>
        <translation>在 Debian 或 Ubuntu 上：sudo apt-get install docker-compose。使用 Docker 官方软件源时：sudo apt-get install docker-compose-plugin（它提供“docker compose”）。</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Up, Down and Pull run the compose CLI (docker compose or docker-compose), and neither is installed.</source>
        <translation>启动、停止并删除和拉取需要运行 compose 命令行（docker compose 或 docker-compose），但两者都没有安装。</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>No compose CLI</source>
        <translation>没有 compose 命令行</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>(not on this machine)</source>
        <translation>（不在本机）</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Project %1 — folder: %2 — compose files: %3</source>
        <translation>项目 %1 — 目录：%2 — compose 文件：%3</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Open the folder of the selected project&apos;s compose file</source>
        <translation>打开所选项目的 compose 文件所在目录</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Open folder</source>
        <translation>打开目录</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Pull the selected project&apos;s images (docker compose pull)</source>
        <translation>拉取所选项目的镜像（docker compose pull）</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Pull</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Stop and remove the selected project&apos;s containers (docker compose down)</source>
        <translation>停止并删除所选项目的容器（docker compose down）</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Down</source>
        <translation>停止并删除</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Create and start the selected project (docker compose up -d)</source>
        <translation>创建并启动所选项目（docker compose up -d）</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Up</source>
        <translation>创建并启动</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Show compose projects as rows with their containers beneath them</source>
        <translation>把 compose 项目显示为行，其容器列在下面</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Group by project</source>
        <translation>按项目分组</translation>
    </message>
    <message>
        <location filename="../../ui/compose_tree.py"/>
        <source>Containers by compose project</source>
        <translation>按 compose 项目分组的容器</translation>
    </message>
</context>
<context>
    <name>ProjectLogsWindow</name>
    <message>
        <location filename="../../ui/compose_logs.py"/>
        <source>Logs — project %1</source>
        <translation>日志 — 项目 %1</translation>
    </message>
</context>
<context>
    <name>PruneListDialog</name>
    <message>
        <location filename="../../ui/prune_list_dialog.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RunLinePaste</name>
    <message>
        <location filename="../../ui/run_paste.py"/>
        <source>Every flag of the line is in the form.</source>
        <translation>命令中的每个参数都已填入表单。</translation>
    </message>
    <message>
        <location filename="../../ui/run_paste.py"/>
        <source>Not understood, so not in the form: %1</source>
        <translation>未能理解，因此未填入表单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/run_paste.py"/>
        <source>Fill the form</source>
        <translation>填入表单</translation>
    </message>
</context>
<context>
    <name>Volumes</name>
    <message>
        <location filename="../../models/volumes.py"/>
        <source>named</source>
        <translation>命名</translation>
    </message>
    <message>
        <location filename="../../models/volumes.py"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../services/volumes.py"/>
        <source>“%1” is not KEY=VALUE.</source>
        <translation>“%1”不是 KEY=VALUE。</translation>
    </message>
    <message>
        <location filename="../../services/volumes.py"/>
        <source>“%1” is not a valid volume name: use letters, digits and _ . - (at least two characters, the first a letter or digit).</source>
        <translation>“%1”不是有效的数据卷名：只能用字母、数字和 _ . -（至少两个字符，首字符为字母或数字）。</translation>
    </message>
</context>
<context>
    <name>VolumesPage</name>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>The volume&apos;s folders and files, read by a helper container</source>
        <translation>由辅助容器读取的数据卷目录和文件</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Browse files…</source>
        <translation>浏览文件…</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Unpack a tar into the volume, through a helper container</source>
        <translation>通过辅助容器把 tar 文件解包到数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Write the volume&apos;s files to a tar, through a helper container</source>
        <translation>通过辅助容器把数据卷的文件写入 tar 文件</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) removed, %1 freed — %2</source>
        <translation>
            <numerusform>已删除 %Ln 个数据卷，释放 %1 — %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>named</source>
        <translation>命名</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove unused volumes</source>
        <translation>删除未使用的数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Every volume is used by a container: there is nothing to remove.</source>
        <translation>每个数据卷都有容器在用：没有可删除的。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) no container uses will be removed with their data, freeing at least %1.</source>
        <translation>
            <numerusform>将删除 %Ln 个未被容器使用的数据卷及其数据，至少释放 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个数据卷</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove containers and volumes</source>
        <translation>删除容器和数据卷</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>%Ln volume(s) are used by stopped containers (%1). Remove those containers, then the volumes?</source>
        <translation>
            <numerusform>%Ln 个数据卷被已停止的容器使用（%1）。先删除这些容器，再删除数据卷？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Volumes in use</source>
        <translation>数据卷正在使用</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>In use by %1: stop and remove the container first.</source>
        <translation>正被 %1 使用：请先停止并删除该容器。</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove volumes</source>
        <translation>删除数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>%1 (%2), used by %3</source>
        <translation>%1（%2），使用者 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove %Ln volume(s) and the data in them?</source>
        <translation>
            <numerusform>删除 %Ln 个数据卷及其中的数据？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove the volume %1 and the data in it?</source>
        <translation>删除数据卷 %1 及其中的数据？</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>%1 (running)</source>
        <translation>%1（运行中）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Created the volume %1 — %2</source>
        <translation>已创建数据卷 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Volume sizes measured — %1</source>
        <translation>已测量数据卷大小 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Could not measure the volumes: %1</source>
        <translation>无法测量数据卷：%1</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Measuring volumes — %1</source>
        <translation>正在测量数据卷 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>This engine has no volumes. A volume keeps data beyond a container&apos;s life: create one here, or run a container with -v NAME:/path.</source>
        <translation>此引擎没有数据卷。数据卷保存超出容器生命周期的数据：在这里创建，或用 -v NAME:/path 运行容器。</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove every volume no container uses (docker volume prune)</source>
        <translation>删除所有未被容器使用的数据卷（docker volume prune）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove unused…</source>
        <translation>删除未使用的…</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Select the containers that use the volume on the Containers page</source>
        <translation>在容器页面选中使用该数据卷的容器</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Show users</source>
        <translation>显示使用者</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Measure every volume again (the engine reads all their files)</source>
        <translation>重新测量每个数据卷（引擎会读取其全部文件）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Refresh sizes</source>
        <translation>刷新大小</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove the selected volumes and the data in them (Delete)</source>
        <translation>删除所选数据卷及其中的数据（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Create a volume (Ctrl+N)</source>
        <translation>创建数据卷（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <location filename="../../ui/volumes_page.py"/>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln 年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln 个月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln week(s)</source>
        <translation>
            <numerusform>%Ln 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln minute(s)</source>
        <translation>
            <numerusform>%Ln 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../models/time_words.py"/>
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>About an hour</source>
        <translation>约 1 小时</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>About a minute</source>
        <translation>约 1 分钟</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Less than a second</source>
        <translation>不到 1 秒</translation>
    </message>
</context>
<context>
    <name>ContainerStatus</name>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>%1 (Paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>%1 (health: starting)</source>
        <translation>%1（健康检查启动中）</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>%1 (unhealthy)</source>
        <translation>%1（不健康）</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>%1 (healthy)</source>
        <translation>%1（健康）</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Restarting (%1) %2 ago</source>
        <translation>重启中（%1）%2前</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Exited (%1) %2 ago</source>
        <translation>已退出（%1）%2前</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Removal In Progress</source>
        <translation>删除中</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../models/time_words.py"/>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Command to find</source>
        <translation>要查找的命令</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Type a command: stop, pull, settings…</source>
        <translation>输入命令：停止、拉取、设置…</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../ui/command_palette.py"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>FileViewDialog</name>
    <message>
        <location filename="../../ui/file_view_dialog.py"/>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/file_view_dialog.py"/>
        <source>%1 is %2, more than the %3 shown here: copy it out instead.</source>
        <translation>%1 有 %2，超过此处显示的上限 %3：请把它复制出来。</translation>
    </message>
    <message>
        <location filename="../../ui/file_view_dialog.py"/>
        <source>%1 is not a text file: it is not shown.</source>
        <translation>%1 不是文本文件：不予显示。</translation>
    </message>
    <message>
        <location filename="../../ui/file_view_dialog.py"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>FilesWindow</name>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copying in: see the transfers below the pages.</source>
        <translation>正在复制进去：进度见页面下方的传输面板。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 already holds %2. Replace them with this computer&apos;s?</source>
        <translation>%1 中已有 %2。用本机的替换它们？</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy a folder into the container</source>
        <translation>把目录复制到容器中</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy files into the container</source>
        <translation>把文件复制到容器中</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copying out: see the transfers below the pages.</source>
        <translation>正在复制出来：进度见页面下方的传输面板。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Folders are merged: files of the same name are replaced, others kept.</source>
        <translation>目录会合并：同名文件被替换，其他保留。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 already holds %2. Replace them with the container&apos;s?</source>
        <translation>%1 中已有 %2。用容器中的替换它们？</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 cannot be written.</source>
        <translation>%1 无法写入。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 is not a folder of this computer.</source>
        <translation>%1 不是本机的目录。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy to a folder</source>
        <translation>复制到目录</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>The container %1 was removed.</source>
        <translation>容器 %1 已被删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/files_window.py"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>%1 is not a folder of this container.</source>
        <translation>%1 不是此容器中的目录。</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Listing…</source>
        <translation>正在列出…</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Show the selected text file (1 MB at most)</source>
        <translation>显示所选文本文件（最多 1 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy a folder in…</source>
        <translation>复制目录进去…</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy files of this computer into this folder (or drop them here)</source>
        <translation>把本机的文件复制到此目录（或拖放到这里）</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy files in…</source>
        <translation>复制文件进去…</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy the selected files and folders to a folder of this computer</source>
        <translation>把所选文件和目录复制到本机的一个目录</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Copy out…</source>
        <translation>复制出来…</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Folder:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>A folder of the container; Enter opens it</source>
        <translation>容器中的目录；按 Enter 打开</translation>
    </message>
    <message>
        <location filename="../../ui/files_window.py"/>
        <source>Files of %1</source>
        <translation>%1 的文件</translation>
    </message>
</context>
<context>
    <name>StatsOverviewWindow</name>
    <message>
        <location filename="../../ui/stats_overview.py"/>
        <source>CPU % is of one CPU, as docker stats shows it; memory leaves out the page cache. Double-click a container for its charts and processes.</source>
        <translation>CPU % 以单个 CPU 计，与 docker stats 相同；内存不含页缓存。双击容器查看其图表和进程。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_overview.py"/>
        <source>No container is running.</source>
        <translation>没有运行中的容器。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_overview.py"/>
        <source>Stats of running containers</source>
        <translation>运行中容器的资源统计</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>The container is not running: its stats resume when it starts.</source>
        <translation>容器未在运行：它启动后统计会继续。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>%1 was removed.</source>
        <translation>%1 已被删除。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Processes and threads (pids): %1</source>
        <translation>进程和线程数（pids）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Disk: read %1, written %2</source>
        <translation>磁盘：读取 %1，写入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Network: received %1, sent %2</source>
        <translation>网络：接收 %1，发送 %2</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Memory %1 of %2 (%3)</source>
        <translation>内存 %1 / %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>CPU %1 (of %2 CPUs)</source>
        <translation>CPU %1（共 %2 个 CPU）</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>The container is not running.</source>
        <translation>容器未在运行。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Processes (docker top)</source>
        <translation>进程（docker top）</translation>
    </message>
    <message>
        <location filename="../../ui/stats_detail.py"/>
        <source>Stats — %1</source>
        <translation>资源统计 — %1</translation>
    </message>
</context>
<context>
    <name>TerminalTab</name>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The engine did not answer: %1</source>
        <translation>引擎没有应答：%1</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The session ended (exit code %1).</source>
        <translation>会话已结束（退出码 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The session ended.</source>
        <translation>会话已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The command could not run (exit code %1): the output above says why.</source>
        <translation>命令无法运行（退出码 %1）：原因见上面的输出。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The terminal could not start: %1</source>
        <translation>终端无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The container stopped. Its screen and scrollback are kept above.</source>
        <translation>容器已停止。它的屏幕和回滚内容保留在上方。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>New session</source>
        <translation>新会话</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>No terminal emulator was found (set $TERMINAL). Run this yourself: %1</source>
        <translation>没有找到终端模拟器（请设置 $TERMINAL）。请自行运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Type the command to run.</source>
        <translation>请输入要运行的命令。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>A quote is not closed.</source>
        <translation>引号未闭合。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>%1 could not start: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>%1 is not running: a terminal needs it running.</source>
        <translation>%1 未在运行：终端需要它在运行。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Unpause the container</source>
        <translation>恢复容器</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>%1 is paused: a terminal needs it running.</source>
        <translation>%1 已暂停：终端需要它在运行。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>%1 has no shell (no /bin/sh): a terminal cannot start one in it. A command of the image can still run.</source>
        <translation>%1 中没有 shell（没有 /bin/sh）：终端无法在其中启动。镜像中的命令仍可运行。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>A terminal in %1.</source>
        <translation>%1 中的终端。</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>A command…</source>
        <translation>一条命令…</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Looking for a shell in %1…</source>
        <translation>正在 %1 中查找 shell…</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Working directory:</source>
        <translation>工作目录：</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Shell:</source>
        <translation>Shell：</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Run docker exec -it in the desktop&apos;s terminal emulator</source>
        <translation>在桌面的终端模拟器中运行 docker exec -it</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Open in my terminal</source>
        <translation>在我的终端中打开</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Open terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The image&apos;s working directory</source>
        <translation>镜像中的工作目录</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>The image&apos;s user (name, UID or UID:GID)</source>
        <translation>镜像中的用户（名称、UID 或 UID:GID）</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>For example: top, or python3 -i</source>
        <translation>例如：top，或 python3 -i</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Start the container</source>
        <translation>启动容器</translation>
    </message>
</context>
<context>
    <name>TerminalView</name>
    <message>
        <location filename="../../ui/terminal_view.py"/>
        <source>Clear the scrollback</source>
        <translation>清除回滚内容</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_view.py"/>
        <source>Paste (Ctrl+Shift+V)</source>
        <translation>粘贴（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../ui/terminal_view.py"/>
        <source>Copy (Ctrl+Shift+C)</source>
        <translation>复制（Ctrl+Shift+C）</translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <location filename="../../ui/terminal_window.py"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>VolumeArchiveDialog</name>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Choose the file.</source>
        <translation>请选择文件。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>No local image to serve as the helper: pull a small one (busybox).</source>
        <translation>没有可作辅助容器的本地镜像：请拉取一个小镜像（busybox）。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Tar archives (*.tar)</source>
        <translation>tar 归档（*.tar）</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Restore from</source>
        <translation>从此恢复</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Helper image:</source>
        <translation>辅助镜像：</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>a .tar file</source>
        <translation>一个 .tar 文件</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>A helper container of the image below mounts it, is never started, and is removed afterwards; nothing is pulled.</source>
        <translation>一个使用下面镜像的辅助容器挂载它，从不启动，用完即删除；不会拉取任何镜像。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Write the files of the volume %1 to a tar.</source>
        <translation>把数据卷 %1 的文件写入 tar 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Back up a volume</source>
        <translation>备份数据卷</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Unpack a tar into the volume %1. Files of the same name in it are replaced; the others stay.</source>
        <translation>把 tar 文件解包到数据卷 %1 中。其中同名的文件被替换，其他保留。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_archive_dialog.py"/>
        <source>Restore a volume</source>
        <translation>恢复数据卷</translation>
    </message>
</context>
<context>
    <name>VolumeBrowser</name>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>The volume %1 was removed.</source>
        <translation>数据卷 %1 已被删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/volume_browser.py"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Listing…</source>
        <translation>正在列出…</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>No local image to list the files with: pull busybox first.</source>
        <translation>没有可用来列出文件的本地镜像：请先拉取 busybox。</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Helper image:</source>
        <translation>辅助镜像：</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>The local image a helper container runs to list each folder (sh and stat)</source>
        <translation>辅助容器用来列出各目录的本地镜像（需有 sh 和 stat）</translation>
    </message>
    <message>
        <location filename="../../ui/volume_browser.py"/>
        <source>Files of the volume %1</source>
        <translation>数据卷 %1 的文件</translation>
    </message>
</context>
<context>
    <name>Fleet</name>
    <message>
        <location filename="../../models/fleet.py"/>
        <source>Local engine</source>
        <translation>本机引擎</translation>
    </message>
</context>
<context>
    <name>Nodes</name>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>down</source>
        <translation>已停机</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>worker</source>
        <translation>工作节点</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>manager</source>
        <translation>管理节点</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <location filename="../../models/nodes.py"/>
        <source>Leader</source>
        <translation>领导者</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../../models/services.py"/>
        <source>replicated %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>global</source>
        <translation>全局</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>rollback paused</source>
        <translation>回滚已暂停</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>update paused</source>
        <translation>更新已暂停</translation>
    </message>
    <message>
        <location filename="../../models/services.py"/>
        <source>updating</source>
        <translation>更新中</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>%1 (down)</source>
        <translation>%1（已停机）</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Orphaned</source>
        <translation>孤立</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Shutdown</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../../models/tasks.py"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>%1 is not a regular file: choose a file.</source>
        <translation>%1 不是普通文件：请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Choose the file to read the value from.</source>
        <translation>请选择要从中读取值的文件。</translation>
    </message>
    <message>
        <location filename="../../services/secrets.py"/>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/secrets.py"/>
        <source>%1 is larger than the 500 KiB the engine accepts.</source>
        <translation>%1 超过了引擎接受的 500 KiB。</translation>
    </message>
    <message>
        <location filename="../../services/secrets.py"/>
        <source>%1 is a folder: choose a file.</source>
        <translation>%1 是文件夹：请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../services/secrets.py"/>
        <source>“%1” cannot be a name: use at most 64 letters, digits, - _ and ., starting and ending with a letter or digit.</source>
        <translation>“%1”不能作为名称：最多 64 个字母、数字、- _ 和 .，首尾必须是字母或数字。</translation>
    </message>
    <message>
        <location filename="../../services/secrets.py"/>
        <source>Give it a name.</source>
        <translation>请起个名字。</translation>
    </message>
</context>
<context>
    <name>ServiceSpec</name>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is not a number of tasks: write a whole number (0 updates them all at once).</source>
        <translation>“%1”不是任务数：请写一个整数（0 表示一次全部更新）。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1”: the engine knows node.id, node.hostname, node.role, node.platform.os, node.labels.NAME and engine.labels.NAME, not “%2”.</source>
        <translation>“%1”：引擎只认识 node.id、node.hostname、node.role、node.platform.os、node.labels.NAME 和 engine.labels.NAME，不认识“%2”。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is not a constraint: write KEY==VALUE or KEY!=VALUE (node.role==manager).</source>
        <translation>“%1”不是约束条件：请写 KEY==VALUE 或 KEY!=VALUE（node.role==manager）。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>Port %1 is published twice.</source>
        <translation>端口 %1 被发布了两次。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1”: a port is a number from 1 to 65535.</source>
        <translation>“%1”：端口是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is not a port: write PUBLISHED:TARGET (8080:80), with /udp or /sctp for those.</source>
        <translation>“%1”不是端口：请写 PUBLISHED:TARGET（8080:80），UDP 或 SCTP 端口加 /udp 或 /sctp。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>%1 replicas is more than this form takes: at most %2 per service.</source>
        <translation>%1 个副本超出了此表单的上限：每个服务最多 %2 个。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is not a number of replicas: write a whole number, 0 to %2.</source>
        <translation>“%1”不是副本数：请写一个整数，0 到 %2。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is negative: a service has 0 to %2 replicas.</source>
        <translation>“%1”是负数：一个服务有 0 到 %2 个副本。</translation>
    </message>
    <message>
        <location filename="../../services/service_spec.py"/>
        <source>“%1” is not a valid service name: letters, digits, “-” and “_”, starting and ending with a letter or digit, at most 63 characters.</source>
        <translation>“%1”不是有效的服务名称：只能用字母、数字、“-”和“_”，首尾必须是字母或数字，最多 63 个字符。</translation>
    </message>
</context>
<context>
    <name>Stacks</name>
    <message>
        <location filename="../../services/stack_deploy.py"/>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../services/stack_deploy.py"/>
        <source>“%1” is not a file here.</source>
        <translation>“%1”在这里不是文件。</translation>
    </message>
    <message>
        <location filename="../../services/stack_deploy.py"/>
        <source>“%1” is not a stack name: letters, digits, “-” and “_”, starting with a letter or digit.</source>
        <translation>“%1”不是栈名称：只能用字母、数字、“-”和“_”，以字母或数字开头。</translation>
    </message>
</context>
<context>
    <name>Swarm</name>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>No manager answered at %1 (%2). Check the address and that port 2377/tcp is open between the machines.</source>
        <translation>%1 处没有管理节点应答（%2）。请检查地址，以及机器之间的 2377/tcp 端口是否开放。</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>The manager refused this token (%1). Copy it again from docker swarm join-token on a manager of that swarm.</source>
        <translation>管理节点拒绝了这个令牌（%1）。请在该集群的管理节点上用 docker swarm join-token 重新复制。</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>Give the address of a manager, as HOST or HOST:PORT.</source>
        <translation>请填写一个管理节点的地址，形如 HOST 或 HOST:PORT。</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>This is not a join token: a token starts with SWMTKN-1- and is 85 characters long. Copy it again from docker swarm join-token on a manager.</source>
        <translation>这不是加入令牌：令牌以 SWMTKN-1- 开头，长 85 个字符。请在管理节点上用 docker swarm join-token 重新复制。</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>Paste the token a manager printed with docker swarm join-token.</source>
        <translation>请粘贴管理节点用 docker swarm join-token 打印出的令牌。</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>The engine cannot use “%1”: %2</source>
        <translation>引擎无法使用“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../services/swarm.py"/>
        <source>The engine has several addresses (%1): choose the one the other nodes will reach it on.</source>
        <translation>引擎有多个地址（%1）：请选择其他节点访问它所用的地址。</translation>
    </message>
</context>
<context>
    <name>EngineList</name>
    <message numerus="yes">
        <location filename="../../ui/engine_list.py"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Reachable: Docker %1 at %2, %3 running of %4.</source>
        <translation>可达：Docker %1，位于 %2，%4 个容器中 %3 个运行中。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Unreachable at %1: %2 %3</source>
        <translation>%1 不可达：%2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>This address is not retried.</source>
        <translation>不会重试这个地址。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Trying again in %1 s.</source>
        <translation>%1 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>%1/%2 running · %3</source>
        <translation>%1/%2 个运行中 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/engine_list.py"/>
        <source>Engines</source>
        <translation>引擎</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Logs — %1 on %2</source>
        <translation>日志 — %1，位于 %2</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Cannot read the logs of %1: %2</source>
        <translation>无法读取 %1 的日志：%2</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove their anonymous volumes too (docker rm -v)</source>
        <translation>同时删除它们的匿名数据卷（docker rm -v）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln running container(s) will be stopped and removed (forced).</source>
        <translation>
            <numerusform>%Ln 个运行中的容器将被停止并删除（强制）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove %Ln container(s)?</source>
        <translation>
            <numerusform>删除 %Ln 个容器？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove the container %1 on %2?</source>
        <translation>删除 %2 上的容器 %1？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>已重启 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>已停止 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fleet_page.py"/>
        <source>%Ln container(s) started</source>
        <translation>
            <numerusform>已启动 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 不可达：%2</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>No reachable engine has a container.</source>
        <translation>可达的引擎上没有容器。</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>No engine has answered yet: their containers are listed here once they do.</source>
        <translation>还没有引擎应答：它们一应答，其容器就列在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove the selected containers (Delete)</source>
        <translation>删除所选容器（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Follow the selected containers&apos; logs (Ctrl+L, Enter, or double-click)</source>
        <translation>跟踪所选容器的日志（Ctrl+L、Enter 或双击）</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Restart the selected containers, each on its engine</source>
        <translation>在各自的引擎上重启所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Stop the selected containers, each on its engine</source>
        <translation>在各自的引擎上停止所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Start the selected containers, each on its engine</source>
        <translation>在各自的引擎上启动所选容器</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Fleet</source>
        <translation>引擎群</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../ui/fleet_page.py"/>
        <source>Try every engine that did not answer again now</source>
        <translation>立即重试所有未响应的引擎</translation>
    </message>
</context>
<context>
    <name>NodeLabelsDialog</name>
    <message>
        <location filename="../../ui/node_labels_dialog.py"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/node_labels_dialog.py"/>
        <source>KEY=VALUE, one per line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/node_labels_dialog.py"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/node_labels_dialog.py"/>
        <source>Labels of %1</source>
        <translation>%1 的标签</translation>
    </message>
</context>
<context>
    <name>NodesPage</name>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>To add it as a manager:</source>
        <translation>作为管理节点加入：</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Run this on the engine to add as a worker (anyone holding the token can join the swarm: keep it as you would a password):</source>
        <translation>在要作为工作节点加入的引擎上运行此命令（持有令牌的人都能加入集群：请像保管密码一样保管它）：</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Add a node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Could not read the join tokens: %1</source>
        <translation>无法读取加入令牌：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Removed %Ln node(s)</source>
        <translation>
            <numerusform>已删除 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Remove %1 from the swarm? It is down.</source>
        <translation>把 %1 移出集群？它已停机。</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>%1 is up: the engine removes only nodes that are down (stopped, or gone with docker swarm leave). Removed by force, the node&apos;s engine still believes it is in the swarm and its tasks are started again elsewhere. Remove by force?</source>
        <translation>%1 正在运行：引擎只删除已停机的节点（已停止，或已用 docker swarm leave 离开）。强制删除后，该节点的引擎仍以为自己在集群中，其任务会在别处重新启动。要强制删除吗？</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Remove by force</source>
        <translation>强制删除</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Not removed: %1 is a manager; demote it first (docker node demote)</source>
        <translation>未删除：%1 是管理节点；请先降级（docker node demote）</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Labels of %1 saved — %2</source>
        <translation>%1 的标签已保存 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Activated %Ln node(s)</source>
        <translation>
            <numerusform>已激活 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Paused %Ln node(s)</source>
        <translation>
            <numerusform>已暂停 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Drained %Ln node(s)</source>
        <translation>
            <numerusform>已排空 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Demoted %Ln node(s)</source>
        <translation>
            <numerusform>已降级 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/nodes_page.py"/>
        <source>Promoted %Ln node(s)</source>
        <translation>
            <numerusform>已提升 %Ln 个节点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Drain %1? Their tasks stop there and start again on other nodes; they get no new ones until activated.</source>
        <translation>排空 %1？其上的任务会停止并在其他节点上重新启动；在重新激活之前不会分配新任务。</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Not demoted: %1 is the last manager</source>
        <translation>未降级：%1 是最后一个管理节点</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Demoting %1 would leave the swarm without a manager. A swarm is changed only through its managers, so one without any could never be changed again: promote another node first.</source>
        <translation>降级 %1 会让集群失去所有管理节点。集群只能通过管理节点修改，没有管理节点的集群将再也无法修改：请先提升另一个节点。</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Reading the swarm&apos;s nodes…</source>
        <translation>正在读取集群的节点…</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Take this engine out of the swarm (docker swarm leave)</source>
        <translation>让此引擎退出集群（docker swarm leave）</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Leave the swarm…</source>
        <translation>离开集群…</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>The command that joins another engine to this swarm</source>
        <translation>把另一个引擎加入此集群的命令</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Add a node…</source>
        <translation>添加节点…</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Give the selected nodes no new tasks; those they run keep running</source>
        <translation>不再给所选节点分配新任务；已在运行的任务继续运行</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Remove the selected nodes from the swarm once they are down (Delete)</source>
        <translation>把已停机的所选节点移出集群（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Edit the node&apos;s labels, which placement constraints select nodes by</source>
        <translation>编辑节点的标签，放置约束按标签选择节点</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Let the selected nodes take tasks again</source>
        <translation>让所选节点重新接受任务</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Activate</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Move every task off the selected nodes and give them no new ones</source>
        <translation>把所选节点上的任务全部移走，也不再分配新任务</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Make the selected managers workers (docker node demote)</source>
        <translation>把所选管理节点设为工作节点（docker node demote）</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Make the selected nodes managers (docker node promote)</source>
        <translation>把所选节点设为管理节点（docker node promote）</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Promote</source>
        <translation>提升</translation>
    </message>
    <message>
        <location filename="../../ui/nodes_page.py"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 及另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Pull of %1 failed</source>
        <translation>%1 拉取失败</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Pulled %1</source>
        <translation>已拉取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Push of %1 failed</source>
        <translation>%1 推送失败</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Pushed %1</source>
        <translation>已推送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>%1 answers again.</source>
        <translation>%1 又有应答了。</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>The Docker engine is back</source>
        <translation>Docker 引擎已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>%1 does not answer: %2</source>
        <translation>%1 无应答：%2</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>The Docker engine went away</source>
        <translation>Docker 引擎已断开</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln pull(s), push(es) or build(s) finished</source>
        <translation>
            <numerusform>%Ln 个拉取、推送或构建已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln pull(s), push(es) or build(s) failed</source>
        <translation>
            <numerusform>%Ln 个拉取、推送或构建失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) became unhealthy</source>
        <translation>
            <numerusform>%Ln 个容器变为不健康</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Its health check failed: docker inspect %1</source>
        <translation>其健康检查失败：docker inspect %1</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Container %1 is unhealthy</source>
        <translation>容器 %1 不健康</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>The kernel killed the process for want of memory (OOM).</source>
        <translation>内核因内存不足杀死了进程（OOM）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) ran out of memory</source>
        <translation>
            <numerusform>%Ln 个容器内存耗尽</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Container %1 ran out of memory</source>
        <translation>容器 %1 内存耗尽</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py"/>
        <source>%Ln container(s) exited with an error</source>
        <translation>
            <numerusform>%Ln 个容器出错退出</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>See what it said: docker logs %1</source>
        <translation>看看它输出了什么：docker logs %1</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Container %1 exited with code %2</source>
        <translation>容器 %1 已退出，退出码 %2</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Build of %1 failed</source>
        <translation>%1 构建失败</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py"/>
        <source>Built %1</source>
        <translation>已构建 %1</translation>
    </message>
</context>
<context>
    <name>SecretsPage</name>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Configs</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>SwarmObjectsPage</name>
    <message numerus="yes">
        <location filename="../../ui/secrets_page.py"/>
        <source>Removed %Ln config(s)</source>
        <translation>
            <numerusform>已删除 %Ln 个配置</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/secrets_page.py"/>
        <source>Removed %Ln secret(s)</source>
        <translation>
            <numerusform>已删除 %Ln 个密钥</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>These are in use and stay: remove them from their services first (docker service update --secret-rm or --config-rm), or remove the services.</source>
        <translation>以下项正在使用，保留不删：请先从其服务中移除（docker service update --secret-rm 或 --config-rm），或删除这些服务。</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>%1: used by %2</source>
        <translation>%1：被 %2 使用</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Remove the config %1?</source>
        <translation>删除配置 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Remove the secret %1?</source>
        <translation>删除密钥 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Created %1 — %2</source>
        <translation>已创建 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>This swarm has no configs. A config is a file the swarm hands to the services given it, without building it into their image.</source>
        <translation>此集群没有配置。配置是集群交给被授予它的服务的文件，无需构建进镜像。</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>This swarm has no secrets. A secret (a password, a key) reaches only the services given it, as a file under /run/secrets.</source>
        <translation>此集群没有密钥。密钥（密码、私钥）只送达被授予它的服务，以 /run/secrets 下的文件出现。</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Remove the selected ones that no service uses (Delete)</source>
        <translation>删除所选的、没有服务使用的项（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Create a config from a file or text (Ctrl+N)</source>
        <translation>从文件或文本创建配置（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Create a secret from a file or text (Ctrl+N)</source>
        <translation>从文件或文本创建密钥（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Configs</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui/secrets_page.py"/>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>ServiceCreateDialog</name>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>More is reserved than the limit allows.</source>
        <translation>预留的资源超过了上限。</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Which image should it run?</source>
        <translation>要运行哪个镜像？</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>stop-first: stop the old task, then start the new; start-first: overlap them</source>
        <translation>stop-first：先停旧任务再启新任务；start-first：新旧任务交替重叠</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>pause: stop there; continue: go on; rollback: back to the spec before</source>
        <translation>pause：停在那里；continue：继续；rollback：回到之前的配置</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Update order:</source>
        <translation>更新顺序：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>When an update fails:</source>
        <translation>更新失败时：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Update delay:</source>
        <translation>更新间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Update, tasks at once:</source>
        <translation>更新时同时处理的任务数：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Memory reserved:</source>
        <translation>内存预留：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>CPU reserved:</source>
        <translation>CPU 预留：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Memory limit:</source>
        <translation>内存上限：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>CPU limit:</source>
        <translation>CPU 上限：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Constraints:</source>
        <translation>约束：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Mounts:</source>
        <translation>挂载：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Ports:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Replicas:</source>
        <translation>副本数：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>e.g. 10s (none: at once)</source>
        <translation>例如 10s（不填：立即）</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>e.g. 64m</source>
        <translation>例如 64m</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>CPUs, e.g. 0.25</source>
        <translation>CPU 数，例如 0.25</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>e.g. 256m</source>
        <translation>例如 256m</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>CPUs, e.g. 0.5</source>
        <translation>CPU 数，例如 0.5</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>node.role==manager, node.labels.zone!=b…</source>
        <translation>node.role==manager、node.labels.zone!=b…</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>VOLUME:/path or /host/folder:/path, :ro for read-only</source>
        <translation>VOLUME:/path 或 /host/folder:/path，加 :ro 表示只读</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>KEY=VALUE, one per line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>PUBLISHED:TARGET, one per line (8080:80, 53:53/udp)</source>
        <translation>PUBLISHED:TARGET，每行一个（8080:80、53:53/udp）</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>empty: the image&apos;s own command</source>
        <translation>留空：使用镜像自己的命令</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>One task on every node (global)</source>
        <translation>每个节点一个任务（全局）</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>empty: the engine makes up a name</source>
        <translation>留空：由引擎起名</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>busybox:1.36, registry.example.com/app:2</source>
        <translation>busybox:1.36、registry.example.com/app:2</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/service_create_dialog.py"/>
        <source>Create a service</source>
        <translation>创建服务</translation>
    </message>
</context>
<context>
    <name>ServiceScaleDialog</name>
    <message>
        <location filename="../../ui/service_scale_dialog.py"/>
        <source>%1 runs one task on every node (global): it cannot be scaled. Choose replicated services only.</source>
        <translation>%1 在每个节点上运行一个任务（全局）：无法扩缩。请只选择复制模式的服务。</translation>
    </message>
    <message>
        <location filename="../../ui/service_scale_dialog.py"/>
        <source>Replicas of %1:</source>
        <translation>%1 的副本数：</translation>
    </message>
    <message>
        <location filename="../../ui/service_scale_dialog.py"/>
        <source>Scale</source>
        <translation>扩缩</translation>
    </message>
    <message>
        <location filename="../../ui/service_scale_dialog.py"/>
        <source>Scale services</source>
        <translation>扩缩服务</translation>
    </message>
</context>
<context>
    <name>ServiceUpdateDialog</name>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>rolled back</source>
        <translation>已回滚</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>rollback paused</source>
        <translation>回滚已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>rolling back</source>
        <translation>回滚中</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>updating</source>
        <translation>更新中</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>%1: %2/%3 updated</source>
        <translation>%1：已更新 %2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>%1: the update is starting</source>
        <translation>%1：更新正在开始</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>%1 is gone.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Go back to the spec before the last update (docker service rollback)</source>
        <translation>回到上次更新之前的配置（docker service rollback）</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>New image:</source>
        <translation>新镜像：</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/service_update_dialog.py"/>
        <source>Update %1</source>
        <translation>更新 %1</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Logs — service %1</source>
        <translation>日志 — 服务 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Remove the stack(s) %1 and their %Ln service(s)?</source>
        <translation>
            <numerusform>删除栈 %1 及其 %Ln 个服务？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove stacks</source>
        <translation>删除栈</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>%Ln service(s) removed</source>
        <translation>
            <numerusform>已删除 %Ln 个服务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>%1 (%2/%3 running)</source>
        <translation>%1（%2/%3 运行中）</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove services</source>
        <translation>删除服务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Remove %Ln service(s) and stop their tasks?</source>
        <translation>
            <numerusform>删除 %Ln 个服务并停止其任务？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove the service %1 and stop its tasks?</source>
        <translation>删除服务 %1 并停止其任务？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Rollback of %Ln service(s) under way</source>
        <translation>
            <numerusform>%Ln 个服务正在回滚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>Update of %Ln service(s) under way</source>
        <translation>
            <numerusform>%Ln 个服务正在更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/services_page.py"/>
        <source>%Ln service(s) scaled</source>
        <translation>
            <numerusform>已扩缩 %Ln 个服务</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Created the service %1 — %2</source>
        <translation>已创建服务 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Tasks of %1</source>
        <translation>%1 的任务</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Tasks (select a service)</source>
        <translation>任务（请选择一个服务）</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>This swarm runs no services yet: create one here, or deploy a stack from a compose file.</source>
        <translation>此集群还没有运行服务：在这里创建一个，或用 compose 文件部署一个栈。</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>This engine lists no services: %1 A swarm runs services, copies of a container kept running across its machines.</source>
        <translation>此引擎没有列出服务：%1 集群运行的是服务，即在多台机器上保持运行的容器副本。</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>docker stack deploy from a compose file</source>
        <translation>用 compose 文件执行 docker stack deploy</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Deploy stack…</source>
        <translation>部署栈…</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove every service of the selected services&apos; stacks</source>
        <translation>删除所选服务所在栈的全部服务</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove stack…</source>
        <translation>删除栈…</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Keep the services of each stack together (docker stack deploy)</source>
        <translation>把每个栈的服务放在一起（docker stack deploy）</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Group by stack</source>
        <translation>按栈分组</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Every task&apos;s output merged, each line marked with its task and node</source>
        <translation>合并所有任务的输出，每行标明其任务和节点</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove the selected services and their tasks (Delete)</source>
        <translation>删除所选服务及其任务（Delete）</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Go back to each selected service&apos;s spec before its last update</source>
        <translation>让每个所选服务回到上次更新之前的配置</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Roll a new image out to the selected services, a few tasks at a time</source>
        <translation>把新镜像逐批滚动发布到所选服务</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Update image…</source>
        <translation>更新镜像…</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Set how many replicas the selected services run</source>
        <translation>设置所选服务运行的副本数</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Scale…</source>
        <translation>扩缩…</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Create a service (Ctrl+N)</source>
        <translation>创建服务（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <location filename="../../ui/services_page.py"/>
        <source>Services</source>
        <translation>服务</translation>
    </message>
</context>
<context>
    <name>SettingsGeneralPage</name>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>Both apply at once. “System” follows the desktop: its language, and its light or dark setting, also when that changes while Moorage runs.</source>
        <translation>两项都立即生效。“跟随系统”跟随桌面：它的语言和浅色或深色设置，Moorage 运行时桌面改了也跟着变。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_general.py"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>SettingsNotificationsPage</name>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>None comes while the Moorage window is in front and already shows it; many at once come as one.</source>
        <translation>Moorage 窗口在前台且已显示该内容时不通知；同时发生的多条合并为一条。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>the engine goes away or comes back</source>
        <translation>引擎断开或恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>a pull, a push or a build finishes or fails</source>
        <translation>拉取、推送或构建完成或失败</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>a container becomes unhealthy</source>
        <translation>容器变为不健康</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>a container runs out of memory</source>
        <translation>容器内存耗尽</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>a container exits with an error</source>
        <translation>容器出错退出</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>Tell me through the desktop&apos;s notifications when:</source>
        <translation>在以下情况通过桌面通知告诉我：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>This desktop shows no tray: closing the window ends Moorage.</source>
        <translation>此桌面没有托盘：关闭窗口就会退出 Moorage。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>Moorage then keeps following the engine, and its tray icon counts the running containers. Quit from the icon&apos;s menu or from Moorage → Quit.</source>
        <translation>这样 Moorage 会继续跟踪引擎，托盘图标显示运行中的容器数。从图标的菜单或 Moorage → 退出来退出。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>Keep Moorage in the tray when its window is closed</source>
        <translation>关闭窗口后让 Moorage 留在托盘中</translation>
    </message>
    <message>
        <location filename="../../ui/settings_notifications.py"/>
        <source>Tray and notifications</source>
        <translation>托盘与通知</translation>
    </message>
</context>
<context>
    <name>SetupCli</name>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>--yes runs as root: sudo main.py setup --yes (or --dry-run first).</source>
        <translation>--yes 需要以 root 身份运行：sudo main.py setup --yes（或先用 --dry-run）。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>skipped: the service does not run here</source>
        <translation>跳过：此处没有运行该服务</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>not possible here, skipped: %1</source>
        <translation>此处无法进行，跳过：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>optional, skipped (main.py mirrors set)</source>
        <translation>可选，跳过（main.py mirrors set）</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>already done, skipped</source>
        <translation>已完成，跳过</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>By hand:</source>
        <translation>手动执行：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>In the window: Settings, Registry mirrors; here: %1</source>
        <translation>在窗口中：设置 → 镜像加速器；在这里：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>As the user:</source>
        <translation>以当前用户身份：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>As root:</source>
        <translation>以 root 身份：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>As root, can be cancelled:</source>
        <translation>以 root 身份，可取消：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>Other methods (--method): %1</source>
        <translation>其他方式（--method）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>Install method: %1, %2</source>
        <translation>安装方式：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>Docker engine set-up for %1 (%2 %3)</source>
        <translation>为 %1 设置 Docker 引擎（%2 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>optional, not done</source>
        <translation>可选，未完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>cannot tell here: runs</source>
        <translation>此处无法判断：会执行</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>done here</source>
        <translation>此处已完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>not possible here</source>
        <translation>此处无法进行</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>Install, enable and start the Docker engine, and join the docker group.</source>
        <translation>安装、启用并启动 Docker 引擎，并加入 docker 用户组。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>how to install: one of the methods --dry-run lists (default: the first)</source>
        <translation>安装方式：--dry-run 列出的方式之一（默认：第一种）</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>print each step, its commands and whether it is done here; change nothing</source>
        <translation>列出每个步骤、它的命令以及在本机是否已完成；不做任何更改</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>run the steps not done yet, without asking (as root)</source>
        <translation>不经询问运行尚未完成的步骤（需以 root 身份）</translation>
    </message>
    <message>
        <location filename="../../ui/setup_cli.py"/>
        <source>the user to add to the docker group (default: SUDO_USER, or pkexec&apos;s caller)</source>
        <translation>要加入 docker 用户组的用户（默认：SUDO_USER，或 pkexec 的调用者）</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Run hello-world</source>
        <translation>运行 hello-world</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Add to the group</source>
        <translation>加入用户组</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Enable and start</source>
        <translation>启用并启动</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>your choice</source>
        <translation>由你选择</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>done already: skipped</source>
        <translation>已完成：跳过</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>not possible here</source>
        <translation>此处无法进行</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>The way chosen: %1. %2</source>
        <translation>所选方式：%1。%2</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Running hello-world…</source>
        <translation>正在运行 hello-world…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Pulling hello-world…</source>
        <translation>正在拉取 hello-world…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Looking for the hello-world image…</source>
        <translation>正在查找 hello-world 镜像…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>hello-world did not work: %1</source>
        <translation>hello-world 没有成功：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Docker Hub cannot be reached from this engine, so hello-world could not be pulled. Where Docker Hub is slow or blocked, set up a registry mirror.</source>
        <translation>此引擎无法访问 Docker Hub，所以拉取不到 hello-world。在 Docker Hub 很慢或被阻断的地方，请设置镜像加速器。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Docker works: hello-world ran and said hello.</source>
        <translation>Docker 可以用了：hello-world 已运行并打了招呼。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The diagnosis: %1</source>
        <translation>诊断：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Moorage cannot reach the engine yet. Finish the steps above (after the group step, relaunch Moorage or log in again), then run this again.</source>
        <translation>Moorage 还连不上引擎。请完成上面的步骤（加入组之后，重新启动 Moorage 或重新登录），然后再运行这一步。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Moorage could not be started again: log out and in again instead.</source>
        <translation>无法重新启动 Moorage：请改为注销后重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Moorage was started again in the docker group; this one quits.</source>
        <translation>Moorage 已在 docker 组中重新启动；这一个将退出。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The group takes effect when you next log in: log out and in again, then start Moorage.</source>
        <translation>下次登录时该组才生效：请注销后重新登录，再启动 Moorage。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>This Moorage started before you joined the group, so it cannot use it yet. Relaunch it in the group now; other programs get it when you next log in (or in a new login shell).</source>
        <translation>这个 Moorage 是在你加入该组之前启动的，所以还用不了它。现在在该组中重新启动它；其他程序要等你下次登录（或开一个新的登录 shell）才会生效。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>To do it by hand, in a terminal:</source>
        <translation>要手动完成，请在终端中执行：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The package manager is held by: %1</source>
        <translation>包管理器正被占用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The journal&apos;s last lines:</source>
        <translation>日志（journal）最后几行：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The step was cancelled.</source>
        <translation>此步已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>== %1 ==</source>
        <translation>== %1 ==</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Looking at this system…</source>
        <translation>正在检查本系统…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Set up a registry mirror…</source>
        <translation>设置镜像加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Open Settings → Registry mirrors…</source>
        <translation>打开 设置 → 镜像加速器…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Relaunch Moorage in the docker group</source>
        <translation>在 docker 组中重新启动 Moorage</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Cancel step</source>
        <translation>取消此步</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Copy log</source>
        <translation>复制日志</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>The output of each step appears here as it runs.</source>
        <translation>每一步运行时的输出显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Set-up log</source>
        <translation>安装日志</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Set-up steps</source>
        <translation>安装步骤</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py"/>
        <source>Set up Docker</source>
        <translation>安装 Docker</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>These steps make Docker work here for you. Each says what it runs; those that need root ask for the administrator password first. Steps already done are skipped, so running this again changes nothing. Nothing runs until you press a step&apos;s button.</source>
        <translation>这些步骤让 Docker 在这里为你所用。每一步都写明它要运行什么；需要 root 的步骤会先询问管理员密码。已完成的步骤会跳过，所以再运行一次不会改变任何东西。在你按下某一步的按钮之前，什么都不会运行。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Set up Docker on %1</source>
        <translation>在 %1 上安装 Docker</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>It runs:</source>
        <translation>它会运行：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>It runs these commands as root, through the system&apos;s password prompt:</source>
        <translation>它会通过系统的密码提示，以 root 身份运行这些命令：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard_pages.py"/>
        <source>Done already (%1): this step is skipped.</source>
        <translation>已完成（%1）：跳过此步。</translation>
    </message>
</context>
<context>
    <name>StackDeployWindow</name>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Could not run the docker CLI: %1</source>
        <translation>无法运行 docker 命令行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Failed with exit status %1: the output above says why.</source>
        <translation>失败，退出状态 %1：原因见上面的输出。</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Stack deployed — %1</source>
        <translation>栈已部署 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Deployed: the services follow on the page.</source>
        <translation>已部署：服务会陆续出现在页面上。</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Deploying…</source>
        <translation>正在部署…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Compose files (*.yml *.yaml);;All (*)</source>
        <translation>Compose 文件 (*.yml *.yaml);;全部 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Compose file</source>
        <translation>Compose 文件</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>No docker CLI with “docker stack deploy” was found on this machine: install Debian&apos;s docker.io (or Docker&apos;s docker-ce-cli) to deploy stacks.</source>
        <translation>本机没有找到带“docker stack deploy”的 docker 命令行：请安装 Debian 的 docker.io（或 Docker 的 docker-ce-cli）来部署栈。</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Looking for a docker CLI that can deploy stacks…</source>
        <translation>正在查找能部署栈的 docker 命令行…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Stack name:</source>
        <translation>栈名称：</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Compose file:</source>
        <translation>Compose 文件：</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>the prefix of its services&apos; names</source>
        <translation>其服务名称的前缀</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>docker-compose.yml with a services: section</source>
        <translation>带有 services: 部分的 docker-compose.yml</translation>
    </message>
    <message>
        <location filename="../../ui/stack_deploy_window.py"/>
        <source>Deploy a stack</source>
        <translation>部署栈</translation>
    </message>
</context>
<context>
    <name>SwarmInitDialog</name>
    <message>
        <location filename="../../ui/swarm_init_dialog.py"/>
        <source>Advertise address:</source>
        <translation>通告地址：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_init_dialog.py"/>
        <source>empty: the engine chooses its only address</source>
        <translation>留空：由引擎选用其唯一的地址</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_init_dialog.py"/>
        <source>Create the swarm</source>
        <translation>创建集群</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_init_dialog.py"/>
        <source>Create a swarm</source>
        <translation>创建集群</translation>
    </message>
</context>
<context>
    <name>SwarmIntro</name>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine left the swarm — %1</source>
        <translation>此引擎已离开集群 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Could not leave the swarm: %1 — %2</source>
        <translation>无法离开集群：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Leave the swarm</source>
        <translation>离开集群</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Leave the swarm? Its tasks on this engine stop.</source>
        <translation>离开集群？它在此引擎上的任务会停止。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine is a manager: leaving takes it out of the swarm&apos;s quorum. Leave (docker swarm leave --force)?</source>
        <translation>此引擎是管理节点：离开会使它退出集群的法定人数。要离开吗（docker swarm leave --force）？</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine is the swarm&apos;s last manager: leaving ends the swarm, its services and their tasks on every node. Leave anyway (docker swarm leave --force)?</source>
        <translation>此引擎是集群的最后一个管理节点：离开将结束这个集群，以及它在所有节点上的服务和任务。仍要离开吗（docker swarm leave --force）？</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine joined the swarm — %1</source>
        <translation>此引擎已加入集群 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine now manages a new swarm — %1</source>
        <translation>此引擎现在管理一个新集群 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>The engine did not say: %1</source>
        <translation>引擎没有回答：%1</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine is not in a swarm. Make it the first manager of a new one, or join it to an existing swarm with a token from one of its managers.</source>
        <translation>此引擎不在集群中。可以让它成为新集群的第一个管理节点，或用现有集群某个管理节点的令牌加入该集群。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine&apos;s swarm membership is %1: %2</source>
        <translation>此引擎的集群成员状态为 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine is a manager of a swarm.</source>
        <translation>此引擎是集群的管理节点。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>This engine is a worker of a swarm: it runs the tasks its managers give it, but the swarm is managed from a manager. Connect Moorage to a manager to see its nodes and services.</source>
        <translation>此引擎是集群的工作节点：它运行管理节点分配的任务，但集群要从管理节点管理。请把 Moorage 连接到管理节点，以查看其节点和服务。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Asking the engine whether it is in a swarm…</source>
        <translation>正在询问引擎是否在集群中…</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Leave the swarm…</source>
        <translation>离开集群…</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Join this engine to a swarm with a manager&apos;s token</source>
        <translation>用管理节点的令牌让此引擎加入集群</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Join a swarm…</source>
        <translation>加入集群…</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Make this engine the first manager of a new swarm</source>
        <translation>让此引擎成为新集群的第一个管理节点</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Create a swarm…</source>
        <translation>创建集群…</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>A swarm joins several Docker engines into one cluster that runs services: you say which image to run and how many copies, and the swarm&apos;s managers keep them running across its machines. Nodes, services, secrets and configs are seen and changed on a manager.</source>
        <translation>Swarm 集群把多个 Docker 引擎组成一个运行服务的集群：你指定运行哪个镜像、运行几份，集群的管理节点就让它们在各台机器上保持运行。节点、服务、密钥和配置都在管理节点上查看和修改。</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_intro.py"/>
        <source>Swarm</source>
        <translation>Swarm 集群</translation>
    </message>
</context>
<context>
    <name>SwarmJoinDialog</name>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>Advertise address:</source>
        <translation>通告地址：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>Manager address:</source>
        <translation>管理节点地址：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>Join token:</source>
        <translation>加入令牌：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>empty: the engine chooses</source>
        <translation>留空：由引擎选择</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>HOST or HOST:PORT (2377 when left out)</source>
        <translation>HOST 或 HOST:PORT（省略端口时为 2377）</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>SWMTKN-1-…, from docker swarm join-token worker on a manager</source>
        <translation>SWMTKN-1-…，在管理节点上用 docker swarm join-token worker 获得</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_join_dialog.py"/>
        <source>Join a swarm</source>
        <translation>加入集群</translation>
    </message>
</context>
<context>
    <name>SwarmObjectDialog</name>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>The file holding the value</source>
        <translation>存有该值的文件</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>KEY=VALUE, one per line (--label)</source>
        <translation>KEY=VALUE，每行一个（--label）</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>The config&apos;s content</source>
        <translation>配置的内容</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>The secret&apos;s value: it cannot be read back once created</source>
        <translation>密钥的值：创建后无法再读出</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Typed here</source>
        <translation>在此输入</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>From a file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Create a config</source>
        <translation>创建配置</translation>
    </message>
    <message>
        <location filename="../../ui/swarm_object_dialog.py"/>
        <source>Create a secret</source>
        <translation>创建密钥</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) restarted</source>
        <translation>
            <numerusform>已重启 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) stopped</source>
        <translation>
            <numerusform>已停止 %Ln 个容器</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Quit Moorage</source>
        <translation>退出 Moorage</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>%1 (%2 of %3 running)</source>
        <translation>%1（%3 个中 %2 个运行中）</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Compose projects</source>
        <translation>Compose 项目</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln more in the window…</source>
        <translation>
            <numerusform>窗口中还有 %Ln 个…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>No container is running</source>
        <translation>没有运行中的容器</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Running containers</source>
        <translation>运行中的容器</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Show Moorage</source>
        <translation>显示 Moorage</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Moorage keeps following the engine in the tray. Click its icon to open the window again, or choose Quit in its menu to end it.</source>
        <translation>Moorage 在托盘中继续跟踪引擎。点击其图标可再次打开窗口，或在其菜单中选择“退出”来结束它。</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Moorage is still running</source>
        <translation>Moorage 仍在运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py"/>
        <source>%Ln container(s) running</source>
        <translation>
            <numerusform>%Ln 个容器运行中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py"/>
        <source>Moorage — %1</source>
        <translation>Moorage — %1</translation>
    </message>
</context>
<context>
    <name>EngineSetup</name>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The helper refused this request: %1.</source>
        <translation>辅助程序拒绝了这个请求：%1。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is in the docker group from the next login: restart Moorage with it (sg docker), or log out and in again.</source>
        <translation>%1 从下次登录起属于 docker 组：带着它重新启动 Moorage（sg docker），或注销后重新登录。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is still not in the docker group.</source>
        <translation>%1 仍不在 docker 组中。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is already in the docker group; if the engine still refuses, log out and in again.</source>
        <translation>%1 已在 docker 组中；如果引擎仍然拒绝，请注销后重新登录。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>Only the user asking may be added (uid %1, not %2).</source>
        <translation>只能添加发出请求的用户（uid %1，而不是 %2）。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is not a user name.</source>
        <translation>%1 不是用户名。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The Docker service is enabled and running.</source>
        <translation>Docker 服务已启用并正在运行。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The Docker service did not start. The journal&apos;s last lines:
%1</source>
        <translation>Docker 服务没有启动。日志（journal）最后几行：
%1</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>Docker is not installed yet.</source>
        <translation>Docker 尚未安装。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>systemd does not run here, so the service cannot be enabled; start dockerd as this system&apos;s init does.</source>
        <translation>这里没有运行 systemd，所以无法启用该服务；请按本系统的 init 方式启动 dockerd。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 failed (exit status %2): %3</source>
        <translation>%1 失败（退出状态 %2）：%3</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The package manager is busy: %1</source>
        <translation>包管理器正忙：%1</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The package registry could not be reached, so nothing was installed: %1. Check the network (or a proxy) and try again.</source>
        <translation>无法访问软件包仓库，所以什么都没有安装：%1。请检查网络（或代理）后重试。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The install ended, but no dockerd was installed.</source>
        <translation>安装结束了，但没有装上 dockerd。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>Already installed: %1.</source>
        <translation>已安装：%1。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is not a way to install Docker on %2.</source>
        <translation>%1 不是在 %2 上安装 Docker 的方式。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>Cancelled: %1 was stopped (exit status %2).</source>
        <translation>已取消：%1 已被停止（退出状态 %2）。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>Cancelled before %1 ran.</source>
        <translation>在 %1 运行之前已取消。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>%1 is not installed here.</source>
        <translation>这里没有安装 %1。</translation>
    </message>
    <message>
        <location filename="../../services/setup_helper.py"/>
        <source>The package manager is busy: %1. Waited %2 s; try again once it has finished.</source>
        <translation>包管理器正忙：%1。已等待 %2 秒；请在它完成后重试。</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Docker&apos;s latest engine from download.docker.com, set up by a script downloaded from get.docker.com and run as root; Docker does not advise it for production machines, and it is slow or unreachable from mainland China.</source>
        <translation>来自 download.docker.com 的 Docker 最新引擎，由从 get.docker.com 下载的脚本以 root 身份安装；Docker 不建议在生产机器上这样做，而且在中国大陆很慢或无法访问。</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Docker&apos;s install script</source>
        <translation>Docker 的安装脚本</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>As Docker&apos;s install script, but its packages come from %1&apos;s copy of Docker&apos;s repository: much faster from mainland China, and that mirror is trusted to serve Docker&apos;s packages unchanged.</source>
        <translation>同 Docker 的安装脚本，但软件包来自 %1 的 Docker 软件源副本：在中国大陆快得多，同时要信任该镜像站原样提供 Docker 的软件包。</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Docker&apos;s install script, from %1</source>
        <translation>Docker 的安装脚本，来自 %1</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Docker&apos;s latest engine (docker-ce) with Compose and Buildx, updated by %1 from then on; adds Docker&apos;s repository and trusts its signing key.</source>
        <translation>Docker 最新的引擎（docker-ce），带 Compose 和 Buildx，此后由 %1 更新；会添加 Docker 的软件源并信任其签名密钥。</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Docker&apos;s repository (%1)</source>
        <translation>Docker 的软件源（%1）</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>Signed by your distribution and updated with the rest of the system; often a version or two behind Docker&apos;s latest.</source>
        <translation>由你的发行版签名，随系统其余部分一起更新；版本常比 Docker 最新版落后一两个。</translation>
    </message>
    <message>
        <location filename="../../services/setup_distros.py"/>
        <source>The distribution&apos;s package (%1)</source>
        <translation>发行版自带的软件包（%1）</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>%1 failed (exit status %2).</source>
        <translation>%1 失败（退出状态 %2）。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>The system did not allow this step: %1</source>
        <translation>系统不允许这一步：%1</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>The administrator password was not given; nothing was run.</source>
        <translation>没有输入管理员密码；什么都没有运行。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>pkexec is not installed, so Moorage cannot ask for an administrator&apos;s password; run the commands by hand.</source>
        <translation>没有安装 pkexec，所以 Moorage 无法询问管理员密码；请手动运行这些命令。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>%1 could not be started: %2.</source>
        <translation>无法启动 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>This step has nothing to run here.</source>
        <translation>这一步在这里没有要运行的内容。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Run each time; it changes nothing.</source>
        <translation>每次都运行；它不改变任何东西。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Proves the engine works end to end: pulls a tiny image, runs it and removes its container.</source>
        <translation>从头到尾验证引擎可用：拉取一个很小的镜像，运行它，再删除其容器。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Run hello-world</source>
        <translation>运行 hello-world</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>No mirrors set.</source>
        <translation>未设置镜像加速器。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Mirrors: %1.</source>
        <translation>镜像加速器：%1。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>A registry mirror near you speeds up pulls from Docker Hub; from mainland China, Docker Hub is slow or unreachable without one. Set and test them before the first pull.</source>
        <translation>离你近的镜像加速器能加快从 Docker Hub 拉取镜像；在中国大陆，没有它 Docker Hub 会很慢甚至无法访问。请在第一次拉取前设置并测试。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Registry mirrors (optional)</source>
        <translation>镜像加速器（可选）</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>%1 is not in the docker group.</source>
        <translation>%1 不在 docker 组中。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>%1 is in the docker group.</source>
        <translation>%1 在 docker 组中。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>There is no user %1 on this system.</source>
        <translation>本系统上没有用户 %1。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>root reaches the engine without the group.</source>
        <translation>root 不需要加入该组就能访问引擎。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>No user to add: name one (--user NAME).</source>
        <translation>没有要添加的用户：请指定一个（--user NAME）。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>A group counts from the next login: Moorage can restart itself with it (sg docker), a new login shell has it too; otherwise log out and in again.</source>
        <translation>用户组从下次登录起生效：Moorage 可以带着它重新启动自己（sg docker），新的登录 shell 也会有它；否则请注销后重新登录。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Members of the docker group use the engine without a password. The engine runs as root, so a member can start a container that mounts the whole disk and act as root on this machine: add only people you would give the administrator password.</source>
        <translation>docker 组的成员无需密码即可使用引擎。引擎以 root 身份运行，所以成员可以启动一个挂载整个磁盘的容器，在本机上以 root 身份行事：只添加你愿意告诉管理员密码的人。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Add %1 to the docker group</source>
        <translation>把 %1 加入 docker 组</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>docker.service is %1 and %2.</source>
        <translation>docker.service 为 %1，%2。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Enabled and active: %1.</source>
        <translation>已启用且正在运行：%1。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>systemd does not run here (a container or chroot?): start dockerd as this system&apos;s init does.</source>
        <translation>这里没有运行 systemd（是容器或 chroot 吗？）：请按本系统的 init 方式启动 dockerd。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>The engine runs as a system service: enabled, it starts at every boot; docker.socket starts it on first use.</source>
        <translation>引擎作为系统服务运行：启用后每次开机都会启动；docker.socket 会在首次使用时启动它。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Enable and start the Docker service</source>
        <translation>启用并启动 Docker 服务</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Not installed.</source>
        <translation>未安装。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Not installed, and no known way here for %1.</source>
        <translation>未安装，而且这里没有已知的安装方式可用于 %1。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Installed: %1.</source>
        <translation>已安装：%1。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Moorage manages a Docker engine (dockerd); it installs with the system&apos;s package manager, as root.</source>
        <translation>Moorage 管理的是 Docker 引擎（dockerd）；它用系统的包管理器以 root 身份安装。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Install the Docker engine</source>
        <translation>安装 Docker 引擎</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Moorage does not know how to install Docker on %1: install it as %2 explains; the other steps can still be done here.</source>
        <translation>Moorage 不知道如何在 %1 上安装 Docker：请按 %2 的说明安装；其余步骤仍可在这里完成。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>Rootless Docker is the alternative to the service and the group: run %1 install as yourself for an engine of your own, without root.</source>
        <translation>Rootless Docker 可以代替系统服务和用户组：以你自己的身份运行 %1 install，得到一个属于你、无需 root 的引擎。</translation>
    </message>
    <message>
        <location filename="../../services/engine_setup.py"/>
        <source>%1 has no install method %2; it has: %3.</source>
        <translation>%1 没有安装方式 %2；它有：%3。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../main.py"/>
        <source>Moorage: a native desktop manager for the Docker Engine.</source>
        <translation>Moorage：Docker 引擎的原生桌面管理工具。</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>check the engine, say what is wrong and how to fix it; exit 0 only when healthy</source>
        <translation>检查引擎，说明哪里有问题以及如何修复；仅在引擎正常时以 0 退出</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>colours of the window (default: as chosen in Settings)</source>
        <translation>窗口配色（默认：按设置中的选择）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>commands (without one, the window opens)</source>
        <translation>命令（不带命令时打开窗口）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>engine address: unix:///PATH, tcp://HOST:PORT or ssh://[USER@]HOST[:PORT], e.g. unix:///var/run/docker.sock (default: DOCKER_HOST, then the rootful socket, then the rootless one)</source>
        <translation>引擎地址：unix:///路径、tcp://主机:端口 或 ssh://[用户@]主机[:端口]，例如 unix:///var/run/docker.sock（默认：先用 DOCKER_HOST，然后是 root 模式的套接字，再然后是 rootless 模式的套接字）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>install, enable and start Docker, join the docker group (setup --help)</source>
        <translation>安装、启用并启动 Docker，加入 docker 用户组（setup --help）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>interface language, e.g. zh_CN or en (default: as chosen in Settings)</source>
        <translation>界面语言，例如 zh_CN 或 en（默认：按设置中的选择）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>open the Settings (registry mirrors) at start</source>
        <translation>启动时打开设置（镜像加速器）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>show stopped containers too, as docker ps -a</source>
        <translation>同时显示已停止的容器，如 docker ps -a</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>show the version and exit</source>
        <translation>显示版本并退出</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>show this help and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>show, test and set the engine&apos;s registry mirrors (mirrors --help)</source>
        <translation>查看、测试并设置引擎的镜像加速器（mirrors --help）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>the page to show first (default: the one shown when Moorage last closed)</source>
        <translation>首先显示的页面（默认：Moorage 上次关闭时显示的页面）</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>wait until the page has loaded, save the window as PNG, exit</source>
        <translation>等待页面加载完毕，将窗口保存为 PNG，然后退出</translation>
    </message>
    <message>
        <location filename="../../main.py"/>
        <source>with --doctor: print JSON</source>
        <translation>与 --doctor 一起使用：输出 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <location filename="../../ui/doctor_cli.py"/>
        <source>engine: %1 (%2)</source>
        <translation>引擎：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/doctor_cli.py"/>
        <source>status: OK: %1</source>
        <translation>状态：正常：%1</translation>
    </message>
    <message>
        <location filename="../../ui/doctor_cli.py"/>
        <source>status: PROBLEM: %1</source>
        <translation>状态：有问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/doctor_cli.py"/>
        <source>to fix it:</source>
        <translation>修复方法：</translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <location filename="../../services/endpoints.py"/>
        <source>given with --host</source>
        <translation>由 --host 指定</translation>
    </message>
    <message>
        <location filename="../../services/endpoints.py"/>
        <source>the default socket</source>
        <translation>默认套接字</translation>
    </message>
    <message>
        <location filename="../../services/endpoints.py"/>
        <source>the docker CLI&apos;s current context</source>
        <translation>docker 命令行的当前上下文</translation>
    </message>
    <message>
        <location filename="../../services/endpoints.py"/>
        <source>the rootful engine&apos;s socket</source>
        <translation>root 模式引擎的套接字</translation>
    </message>
    <message>
        <location filename="../../services/endpoints.py"/>
        <source>the rootless engine&apos;s socket</source>
        <translation>rootless 模式引擎的套接字</translation>
    </message>
</context>
<context>
    <name>EngineError</name>
    <message>
        <location filename="../../services/container_files.py"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location filename="../../services/container_files.py"/>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../services/container_files.py"/>
        <source>The engine&apos;s answer on the path could not be read.</source>
        <translation>无法读取引擎对该路径的应答。</translation>
    </message>
    <message>
        <location filename="../../services/engine.py"/>
        <source>Not connected to the engine at %1.</source>
        <translation>未连接到位于 %1 的引擎。</translation>
    </message>
    <message>
        <location filename="../../services/errors.py"/>
        <source>Lost the connection to the engine at %1.</source>
        <translation>与位于 %1 的引擎的连接已断开。</translation>
    </message>
    <message>
        <location filename="../../services/errors.py"/>
        <source>No engine is running at %1.</source>
        <translation>%1 上没有正在运行的引擎。</translation>
    </message>
    <message>
        <location filename="../../services/errors.py"/>
        <source>Permission denied while opening the engine at %1.</source>
        <translation>打开位于 %1 的引擎时权限被拒绝。</translation>
    </message>
    <message>
        <location filename="../../services/errors.py"/>
        <source>The engine at %1 did not answer in time.</source>
        <translation>位于 %1 的引擎未及时应答。</translation>
    </message>
    <message>
        <location filename="../../services/errors.py"/>
        <source>The engine closed the connection.</source>
        <translation>引擎关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../services/events.py"/>
        <source>The engine at %1 closed its event stream.</source>
        <translation>位于 %1 的引擎关闭了它的事件流。</translation>
    </message>
    <message>
        <location filename="../../services/fleet.py"/>
        <source>The engine at %1 did not answer within %2 s.</source>
        <translation>位于 %1 的引擎在 %2 秒内未应答。</translation>
    </message>
    <message>
        <location filename="../../services/mirrors.py"/>
        <source>%1 is not valid JSON (%2).</source>
        <translation>%1 不是有效的 JSON（%2）。</translation>
    </message>
    <message>
        <location filename="../../services/mirrors.py"/>
        <source>The daemon was started with %1: the same settings in daemon.json would stop it from starting. Remove the flags from its service first (systemctl edit docker), then apply here.</source>
        <translation>守护进程启动时带有 %1：daemon.json 中的相同设置会使它无法启动。请先从它的服务中去掉这些参数（systemctl edit docker），再在此应用。</translation>
    </message>
    <message>
        <location filename="../../services/mirrors.py"/>
        <source>The engine at %1 is remote: its configuration file cannot be edited from here.</source>
        <translation>位于 %1 的引擎是远程引擎：无法在此编辑它的配置文件。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>%1 could not be started.</source>
        <translation>无法启动 %1。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>Nobody answered the password prompt in time.</source>
        <translation>密码提示未在限定时间内得到回应。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>The administrator password was not given; nothing was changed.</source>
        <translation>未提供管理员密码；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>The helper failed (exit %1).</source>
        <translation>辅助程序失败（退出码 %1）。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>The helper&apos;s answer could not be read; check the file by hand.</source>
        <translation>无法读取辅助程序的应答；请手动检查该文件。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>The system did not allow this change (not authorised).</source>
        <translation>系统不允许此更改（未获授权）。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>The system did not allow this change (not authorised: %1).</source>
        <translation>系统不允许此更改（未获授权：%1）。</translation>
    </message>
    <message>
        <location filename="../../services/privileged.py"/>
        <source>pkexec is not installed, so Moorage cannot ask for an administrator&apos;s password (Debian: sudo apt-get install pkexec).</source>
        <translation>未安装 pkexec，Moorage 无法请求管理员密码（Debian：sudo apt-get install pkexec）。</translation>
    </message>
    <message>
        <location filename="../../services/session.py"/>
        <source>An engine worker stopped.</source>
        <translation>一个引擎工作线程已停止。</translation>
    </message>
    <message>
        <location filename="../../services/swarm_services.py"/>
        <source>The service %1 is gone.</source>
        <translation>服务 %1 已不存在。</translation>
    </message>
    <message>
        <location filename="../../services/volume_browse.py"/>
        <source>%1 is outside the volume.</source>
        <translation>%1 在数据卷之外。</translation>
    </message>
    <message>
        <location filename="../../services/volume_browse.py"/>
        <source>The folder %1 is not in the volume %2 any more.</source>
        <translation>文件夹 %1 已不在数据卷 %2 中。</translation>
    </message>
    <message>
        <location filename="../../services/volume_browse.py"/>
        <source>The image %1 has no shell to list folders.</source>
        <translation>镜像 %1 中没有可用于列出文件夹的 shell。</translation>
    </message>
    <message>
        <location filename="../../services/volume_browse.py"/>
        <source>The image %1 has no stat command to list folders.</source>
        <translation>镜像 %1 中没有可用于列出文件夹的 stat 命令。</translation>
    </message>
    <message>
        <location filename="../../services/volume_browse.py"/>
        <source>The listing ended with code %1.</source>
        <translation>列出操作以代码 %1 结束。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>Cannot open the folder %1: %2.</source>
        <translation>无法打开文件夹 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is not an absolute path.</source>
        <translation>%1 不是绝对路径。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is %2, not a folder; refusing to go through it.</source>
        <translation>%1 是%2，不是文件夹；拒绝经由它访问。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 belongs to user %2, not root: refusing to write a file root reads inside it.</source>
        <translation>%1 属于用户 %2 而非 root：拒绝在其中写入 root 会读取的文件。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 can be changed by users other than root (mode %2): refusing to write inside it.</source>
        <translation>root 以外的用户也能更改 %1（权限 %2）：拒绝在其中写入。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is a symbolic link; refusing to follow it.</source>
        <translation>%1 是符号链接；拒绝跟随它。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is %2, not a file.</source>
        <translation>%1 是%2，不是文件。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is %2 bytes, more than the %3 a configuration file can be; it was left as it is.</source>
        <translation>%1 有 %2 字节，超过配置文件 %3 字节的上限；已保持原样。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 grew past %2 bytes while read.</source>
        <translation>%1 在读取过程中增长到超过 %2 字节。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1: %2; nothing was changed.</source>
        <translation>%1：%2；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 was written</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 changed while %2 (another process replaced the new file); what it put there was removed.</source>
        <translation>%1 在%2时发生了变化（另一个进程替换了新文件）；本次写入的内容已被删除。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>Cannot write a backup in %1</source>
        <translation>无法在 %1 中写入备份</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>Too many backups of %1 this second; nothing was changed.</source>
        <translation>这一秒内 %1 的备份过多；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>a backup of %1 was written</source>
        <translation>写入 %1 的备份</translation>
    </message>
    <message>
        <location filename="../../services/config_files.py"/>
        <source>%1 is not a file name.</source>
        <translation>%1 不是文件名。</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>%1 is not a JSON number and dockerd cannot read it</source>
        <translation>%1 不是 JSON 数字，dockerd 无法读取</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>the number %1 is too large: dockerd cannot read it</source>
        <translation>数字 %1 太大：dockerd 无法读取</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>the JSON is nested %1 levels deep; dockerd reads at most %2</source>
        <translation>该 JSON 嵌套了 %1 层；dockerd 最多读取 %2 层</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>the JSON is nested %1 levels deep, deeper than Moorage can read</source>
        <translation>该 JSON 嵌套了 %1 层，超出 Moorage 能读取的深度</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>the file holds JSON, but not an object ({...})</source>
        <translation>该文件包含 JSON，但不是对象（{...}）</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>the JSON is nested %1 levels deep, deeper than Moorage can write back</source>
        <translation>该 JSON 嵌套了 %1 层，超出 Moorage 能写回的深度</translation>
    </message>
    <message>
        <location filename="../../services/daemon_config.py"/>
        <source>a string holds a lone UTF-16 surrogate (%1), which cannot be written back as UTF-8</source>
        <translation>某个字符串含有孤立的 UTF-16 代理项（%1），无法以 UTF-8 写回</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>The current file</source>
        <translation>当前文件</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>%1 is not valid JSON that dockerd can read (%2).</source>
        <translation>%1 不是 dockerd 能读取的有效 JSON（%2）。</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>"%1" must be a list of strings.</source>
        <translation>“%1” 必须是字符串列表。</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>dockerd refuses the new file: %1</source>
        <translation>dockerd 拒绝了新文件：%1</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>%1 is not one of Moorage&apos;s backups of %2.</source>
        <translation>%1 不是 Moorage 为 %2 保留的备份。</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>There is no backup %1 beside %2.</source>
        <translation>%2 旁边没有备份 %1。</translation>
    </message>
    <message>
        <location filename="../../services/config_transaction.py"/>
        <source>The backup %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <location filename="../../services/mirrors.py"/>
        <source>%1 cannot be restored: %2</source>
        <translation>无法恢复 %1：%2</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>Refusing input over %1 bytes.</source>
        <translation>拒绝超过 %1 字节的输入。</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>The request is not JSON text.</source>
        <translation>请求不是 JSON 文本。</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>The request is not a JSON object.</source>
        <translation>请求不是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>Only registry-mirrors and insecure-registries can be changed here; refusing %1.</source>
        <translation>这里只能更改 registry-mirrors 和 insecure-registries；拒绝 %1。</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>"%1" must be a list of at most %2 strings.</source>
        <translation>“%1” 必须是最多 %2 个字符串的列表。</translation>
    </message>
    <message>
        <location filename="../../services/config_helper.py"/>
        <source>The engine&apos;s --config-file %1 is not an absolute path.</source>
        <translation>引擎的 --config-file %1 不是绝对路径。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>No dockerd installed by the system was found (%1).</source>
        <translation>未找到系统安装的 dockerd（%1）。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>No engine listens on %1: %2.</source>
        <translation>%1 上没有引擎在监听：%2。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>Process %1 is not %2.</source>
        <translation>进程 %1 不是 %2。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>The engine answered %1 with HTTP %2.</source>
        <translation>引擎对 %1 的应答是 HTTP %2。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>The engine at %1 did not answer: %2</source>
        <translation>位于 %1 的引擎没有应答：%2</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>The engine on %1 does not run as root (uid %2).</source>
        <translation>%1 上的引擎不是以 root 身份运行的（uid %2）。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>The engine&apos;s process %1 is gone: %2.</source>
        <translation>引擎的进程 %1 已不存在：%2。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>The process %1 behind %2 is not %3 running as root.</source>
        <translation>%2 背后的进程 %1 不是以 root 身份运行的 %3。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>systemd listens on %1, and no dockerd holding that socket was found.</source>
        <translation>systemd 在 %1 上监听，但未找到持有该套接字的 dockerd。</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>dockerd --validate could not run: %1</source>
        <translation>dockerd --validate 无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../services/local_daemon.py"/>
        <source>dockerd --validate exited %1</source>
        <translation>dockerd --validate 以退出码 %1 退出</translation>
    </message>
</context>
<context>
    <name>MirrorsCli</name>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>GET &lt;mirror&gt;/v2/ on each mirror (default: the configured ones)</source>
        <translation>对每个加速器请求 GET &lt;加速器&gt;/v2/（默认：已配置的加速器）</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>Show, test and set the engine&apos;s registry mirrors.</source>
        <translation>显示、测试和设置引擎的镜像加速器。</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>engine address (default: as the app chooses)</source>
        <translation>引擎地址（默认：由应用选择）</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>its name, as `backups` lists it</source>
        <translation>它的名称，即 `backups` 列出的名称</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>put one of those backups back, reload, and keep it if the engine takes it</source>
        <translation>恢复其中一个备份，重新加载，引擎接受则保留</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>replace a daemon.json that is not valid JSON (kept as backup)</source>
        <translation>替换不是有效 JSON 的 daemon.json（原文件保留为备份）</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>the backups Moorage kept beside the file, oldest first</source>
        <translation>Moorage 在该文件旁保留的备份，最早的在前</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>the mirrors to test</source>
        <translation>要测试的加速器</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>the mirrors to use, in order</source>
        <translation>要使用的加速器，按顺序</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>validate, write, reload the daemon and confirm (no URL clears the list)</source>
        <translation>校验、写入、重新加载守护进程并确认（不给地址则清空列表）</translation>
    </message>
    <message>
        <location filename="../../ui/mirrors_cli.py"/>
        <source>where the configuration is, and the mirrors in it and in use</source>
        <translation>配置文件的位置，以及其中的和正在使用的加速器</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>BackupClone</name>
    <message>
        <source>The primary&apos;s PostgreSQL version is unknown: find it before cloning.</source>
        <translation>プライマリの PostgreSQL のバージョンが不明です。複製する前に調べてください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has only the exclusive backup API, which cannot clone a running primary safely. Use pg_basebackup of version %1 on the standby.</source>
        <translation>PostgreSQL %1 には排他的バックアップ API しかなく、稼働中のプライマリを安全に複製できません。スタンバイでバージョン %1 の pg_basebackup を使ってください。</translation>
    </message>
    <message>
        <source>The slot name &quot;%1&quot; is not valid: use 1 to 63 lower-case letters, digits and underscores.</source>
        <translation>スロット名 &quot;%1&quot; は不正です。小文字の英字、数字、アンダースコアで 1 から 63 文字にしてください。</translation>
    </message>
    <message>
        <source>%1 on the primary is not a PostgreSQL data directory: check the cluster&apos;s data directory.</source>
        <translation>プライマリの %1 は PostgreSQL のデータディレクトリではありません。クラスタのデータディレクトリを確認してください。</translation>
    </message>
    <message>
        <source>The primary has tablespaces outside its data directory, which the clone does not copy. Use pg_basebackup of the primary&apos;s version on the standby.</source>
        <translation>プライマリにはデータディレクトリの外にテーブル空間があり、この複製ではコピーされません。スタンバイでプライマリと同じバージョンの pg_basebackup を使ってください。</translation>
    </message>
    <message>
        <source>The primary refused to start the backup: check that the role may run %1 and that max_replication_slots and wal_level allow a replication slot.</source>
        <translation>プライマリがバックアップの開始を拒否しました。ロールが %1 を実行できること、max_replication_slots と wal_level がレプリケーションスロットを許していることを確認してください。</translation>
    </message>
    <message>
        <source>The primary could not finish the backup: see its log.</source>
        <translation>プライマリがバックアップを完了できませんでした。ログを確認してください。</translation>
    </message>
    <message>
        <source>Reading the primary&apos;s data directory failed: check that the postgres user can read all of %1.</source>
        <translation>プライマリのデータディレクトリの読み込みに失敗しました。postgres ユーザが %1 全体を読めることを確認してください。</translation>
    </message>
    <message>
        <source>The copy on the primary failed.</source>
        <translation>プライマリでのコピーに失敗しました。</translation>
    </message>
    <message>
        <source>%1 on the standby is not empty: set the old data directory aside first.</source>
        <translation>スタンバイの %1 は空ではありません。先に古いデータディレクトリを退避してください。</translation>
    </message>
    <message>
        <source>Cannot make %1 on the standby: check that the postgres user may write its parent folder.</source>
        <translation>スタンバイに %1 を作成できません。postgres ユーザが親フォルダに書き込めることを確認してください。</translation>
    </message>
    <message>
        <source>Writing the copy into %1 on the standby failed: check its free disk space.</source>
        <translation>スタンバイの %1 への書き込みに失敗しました。ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <source>The copy on the standby failed.</source>
        <translation>スタンバイでのコピーに失敗しました。</translation>
    </message>
    <message>
        <source>Name the data directories of both the primary and the standby.</source>
        <translation>プライマリとスタンバイの両方のデータディレクトリを指定してください。</translation>
    </message>
    <message>
        <source>The clone was cancelled; nothing is left of it on the standby.</source>
        <translation>複製は取り消されました。スタンバイには何も残っていません。</translation>
    </message>
    <message>
        <source>copy the primary&apos;s data directory</source>
        <translation>プライマリのデータディレクトリをコピー</translation>
    </message>
    <message>
        <source>write the copy on the standby</source>
        <translation>コピーをスタンバイに書き込み</translation>
    </message>
</context>
<context>
    <name>BackupCloneStep</name>
    <message>
        <source>Copy the primary to the standby (low-level backup API)</source>
        <translation>プライマリをスタンバイに複製（低レベルバックアップ API）</translation>
    </message>
    <message>
        <source>Hold the backup open and stream the data directory and its WAL as tar.</source>
        <translation>バックアップを開始したまま、データディレクトリとその WAL を tar 形式でストリーミングします。</translation>
    </message>
    <message>
        <source>Copying through the low-level backup API (no pg_basebackup of this major on the standby).</source>
        <translation>低レベルバックアップ API で複製しています（スタンバイにこのメジャーバージョンの pg_basebackup がありません）。</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 / %2 MB</translation>
    </message>
    <message>
        <source>Copy complete: %1 MB, %2 WAL segments.</source>
        <translation>複製が完了しました: %1 MB、WAL セグメント %2 個。</translation>
    </message>
    <message>
        <source>The standby has no pg_basebackup of PostgreSQL %1 or newer, so the copy goes through %2 / %3 and the SSH connections. The copy is made beside %4 and replaces it only once it is complete.</source>
        <translation>スタンバイに PostgreSQL %1 以降の pg_basebackup がないため、複製は %2 / %3 と SSH 接続を経由して行います。複製は %4 の隣に作成し、完了してから初めてそれと置き換えます。</translation>
    </message>
    <message>
        <source>Unpack the stream into the folder for the copy on the standby.</source>
        <translation>ストリームを、スタンバイ上の複製用フォルダに展開します。</translation>
    </message>
</context>
<context>
    <name>ChoicesPage</name>
    <message>
        <source>Choices</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>How the standby replicates. Next reads the hosts&apos; files and builds the plan; nothing is changed yet.</source>
        <translation>スタンバイのレプリケーション方法を選びます。「次へ」でホストのファイルを読み、計画を作ります。まだ何も変更されません。</translation>
    </message>
    <message>
        <source>PostgreSQL major version</source>
        <translation>PostgreSQL メジャーバージョン</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;major:</source>
        <translation>PostgreSQL メジャー(&amp;M):</translation>
    </message>
    <message>
        <source>S&amp;ynchronous: a commit on the primary waits until the standby has it</source>
        <translation>同期(&amp;Y): プライマリのコミットはスタンバイが受け取るまで待ちます</translation>
    </message>
    <message>
        <source>&amp;Asynchronous: commits do not wait; the standby may lag a little</source>
        <translation>非同期(&amp;A): コミットは待ちません。スタンバイが少し遅れることがあります</translation>
    </message>
    <message>
        <source>Synchronous replication</source>
        <translation>同期レプリケーション</translation>
    </message>
    <message>
        <source>Asynchronous replication</source>
        <translation>非同期レプリケーション</translation>
    </message>
    <message>
        <source>Replication:</source>
        <translation>レプリケーション:</translation>
    </message>
    <message>
        <source>Application name of the standby</source>
        <translation>スタンバイの application_name</translation>
    </message>
    <message>
        <source>Replication slot name</source>
        <translation>レプリケーションスロット名</translation>
    </message>
    <message>
        <source>Standby&apos;s application &amp;name:</source>
        <translation>スタンバイの application_name(&amp;N):</translation>
    </message>
    <message>
        <source>Replication s&amp;lot:</source>
        <translation>レプリケーションスロット(&amp;L):</translation>
    </message>
    <message>
        <source>Create the walkthrough&apos;s &amp;demo database (mydb with the weather table)</source>
        <translation>手順書のデモ用データベースを作成する(&amp;D)(mydb と weather テーブル)</translation>
    </message>
    <message>
        <source>Create the demo data</source>
        <translation>デモ用データを作成する</translation>
    </message>
    <message>
        <source>&amp;Install the PostgreSQL packages where they are missing</source>
        <translation>PostgreSQL のパッケージがないホストにはインストールする(&amp;I)</translation>
    </message>
    <message>
        <source>Install the PostgreSQL packages</source>
        <translation>PostgreSQL のパッケージをインストールする</translation>
    </message>
    <message>
        <source>Building the plan</source>
        <translation>計画を作成中</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>計画の状態</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>the application name</source>
        <translation>application_name と同じ</translation>
    </message>
    <message>
        <source>The hosts are still being looked at. Wait a moment, then press Next again.</source>
        <translation>まだホストを調べています。少し待ってから、もう一度「次へ」を押してください。</translation>
    </message>
    <message>
        <source>The plan is ready.</source>
        <translation>計画ができました。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Several standbys:</source>
        <translation>複数のスタンバイ:</translation>
    </message>
    <message>
        <source>FIRST: the first standbys named confirm each commit (priority)</source>
        <translation>FIRST: 列挙した順に先頭のスタンバイが各コミットを確認します（優先順位）</translation>
    </message>
    <message>
        <source>ANY: any of the standbys named may confirm it (quorum)</source>
        <translation>ANY: 列挙したスタンバイのどれが確認してもかまいません（クォーラム）</translation>
    </message>
    <message>
        <source>How several synchronous standbys confirm a commit</source>
        <translation>複数の同期スタンバイがコミットを確認する方法</translation>
    </message>
    <message>
        <source>Written into synchronous_standby_names as FIRST n (...) or ANY n (...). With one standby both mean the same.</source>
        <translation>synchronous_standby_names に FIRST n (...) または ANY n (...) として書き込まれます。スタンバイが 1 台なら、どちらも同じ意味です。</translation>
    </message>
    <message>
        <source>Number of standbys that confirm each commit</source>
        <translation>各コミットを確認するスタンバイの数</translation>
    </message>
    <message>
        <source> must confirm</source>
        <translation> 台の確認が必要</translation>
    </message>
</context>
<context>
    <name>ClusterLayout</name>
    <message>
        <source>Create the cluster (initdb) with data checksums, so that corrupted pages are detected.</source>
        <translation>データチェックサムを有効にしてクラスタを作成（initdb）し、破損したページを検出できるようにします。</translation>
    </message>
    <message>
        <source>Start the server.</source>
        <translation>サーバを起動します。</translation>
    </message>
    <message>
        <source>Stop the server (fast shutdown).</source>
        <translation>サーバを停止します（fast シャットダウン）。</translation>
    </message>
    <message>
        <source>Restart the server so that the new settings take effect.</source>
        <translation>新しい設定を反映するためにサーバを再起動します。</translation>
    </message>
    <message>
        <source>Reload the configuration.</source>
        <translation>設定ファイルを再読み込みします。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is managed by Debian&apos;s postgresql-common: the cluster is created with pg_createcluster and started with pg_ctlcluster, and systemd starts it at boot.</source>
        <translation>PostgreSQL %1 は Debian の postgresql-common で管理されています。クラスタは pg_createcluster で作成して pg_ctlcluster で起動し、OS の起動時には systemd が起動します。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is the distribution&apos;s package: the cluster is created with its setup script and started by systemd (postgresql-%1), also at boot.</source>
        <translation>PostgreSQL %1 はディストリビューションのパッケージです。クラスタはパッケージ付属のセットアップスクリプトで作成し、OS の起動時も含めて systemd（postgresql-%1）で起動します。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 is not managed by the distribution: the cluster is created with its own initdb as postgres, and started by systemd through the unit %3 around its pg_ctl, also at boot.</source>
        <translation>%2 にある PostgreSQL %1 はディストリビューションの管理外です。クラスタはそのインストールの initdb を postgres ユーザで実行して作成し、OS の起動時も含めて、その pg_ctl を呼び出すユニット %3 を通じて systemd で起動します。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 is not managed by the distribution and runs already, started by hand: it is controlled with its own pg_ctl as postgres. The unit %3 is installed and enabled so that it starts at boot.</source>
        <translation>%2 にある PostgreSQL %1 はディストリビューションの管理外で、手動で起動されてすでに稼働しています。そのインストールの pg_ctl を postgres ユーザで実行して制御します。OS の起動時に起動するよう、ユニット %3 をインストールして有効にします。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 is not managed by the distribution: the cluster is created with its own initdb and started with its own pg_ctl as postgres. This host has no systemd, so it does not start by itself after a reboot.</source>
        <translation>%2 にある PostgreSQL %1 はディストリビューションの管理外です。クラスタはそのインストールの initdb で作成し、pg_ctl で起動します（いずれも postgres ユーザで実行）。このホストには systemd がないため、ホストの再起動後に自動では起動しません。</translation>
    </message>
    <message>
        <source>Note that this setup is making the cluster: one cut short in the middle is removed and made again by the next run.</source>
        <translation>この構築がクラスタを作成中であることを記録します。途中で中断されたクラスタは、次回の実行で削除して作り直します。</translation>
    </message>
    <message>
        <source>The cluster is complete.</source>
        <translation>これでクラスタの作成は完了です。</translation>
    </message>
</context>
<context>
    <name>ClusterListModel</name>
    <message>
        <source>not watched</source>
        <translation>未監視</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>ストリーミング</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>needs action</source>
        <translation>要対応</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>デモ用サンドボックス</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>ClusterProfile</name>
    <message>
        <source>Give the cluster a name.</source>
        <translation>クラスタに名前を付けてください。</translation>
    </message>
    <message>
        <source>A cluster has exactly one primary; this one has %1.</source>
        <translation>クラスタのプライマリはちょうど1つでなければなりませんが、このクラスタには %1 個あります。</translation>
    </message>
    <message>
        <source>This cluster profile was written by another version of Replica Studio (format %1); this one reads format %2.</source>
        <translation>このクラスタプロファイルは別のバージョンの Replica Studio で書かれています（形式 %1）。このバージョンが読み込めるのは形式 %2 です。</translation>
    </message>
    <message>
        <source>The cluster profile has no usable id (&quot;%1&quot;).</source>
        <translation>クラスタプロファイルに使用できる ID がありません（&quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot; is reached in a way this program does not know (&quot;%2&quot;).</source>
        <translation>サーバ &quot;%1&quot; の接続方法（&quot;%2&quot;）は、このプログラムでは扱えません。</translation>
    </message>
    <message>
        <source>Every server needs a name (a standby&apos;s is its application_name).</source>
        <translation>すべてのサーバに名前が必要です（スタンバイの名前はその application_name です）。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot;: give the machine it runs on.</source>
        <translation>サーバ &quot;%1&quot;: 稼働しているマシンを指定してください。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot;: ports go from 1 to 65535.</source>
        <translation>サーバ &quot;%1&quot;: ポート番号は 1 から 65535 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot;: the connection string cannot be read: %2</source>
        <translation>サーバ &quot;%1&quot;: 接続文字列を読み取れません: %2</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot;: take the password out of the connection string and type it in the password field: it is kept in the system keychain, never in the saved profile.</source>
        <translation>サーバ &quot;%1&quot;: 接続文字列からパスワードを取り除き、パスワード欄に入力してください。パスワードはシステムのキーチェーンに保存され、保存されるプロファイルには含まれません。</translation>
    </message>
</context>
<context>
    <name>ClusterProfileDialog</name>
    <message>
        <source>Cluster name</source>
        <translation>クラスタ名</translation>
    </message>
    <message>
        <source>Primary address</source>
        <translation>プライマリのアドレス</translation>
    </message>
    <message>
        <source>Monitoring role</source>
        <translation>監視用ロール</translation>
    </message>
    <message>
        <source>Monitoring role password</source>
        <translation>監視用ロールのパスワード</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>新しいクラスタ</translation>
    </message>
    <message>
        <source>Edit cluster %1</source>
        <translation>クラスタ %1 の編集</translation>
    </message>
    <message>
        <source>How the servers are reached</source>
        <translation>サーバへの接続方法</translation>
    </message>
    <message>
        <source>libpq connection strings</source>
        <translation>libpq 接続文字列</translation>
    </message>
    <message>
        <source>SSH tunnels to the servers&apos; port</source>
        <translation>サーバのポートへの SSH トンネル</translation>
    </message>
    <message>
        <source>PostgreSQL port on each machine</source>
        <translation>各マシンの PostgreSQL ポート</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>システムのキーチェーンに保存</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>Standbys</source>
        <translation>スタンバイ</translation>
    </message>
    <message>
        <source>Add standby</source>
        <translation>スタンバイを追加</translation>
    </message>
    <message>
        <source>Remove standby</source>
        <translation>スタンバイを削除</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Reach the servers with:</source>
        <translation>接続方法(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Primary:</source>
        <translation>プライマリ(&amp;P):</translation>
    </message>
    <message>
        <source>PostgreSQL p&amp;ort:</source>
        <translation>PostgreSQL ポート(&amp;O):</translation>
    </message>
    <message>
        <source>Monitoring &amp;role:</source>
        <translation>監視用ロール(&amp;R):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>The panel connects as the monitoring role, which needs pg_monitor (PostgreSQL 10 and newer); its password goes to the system keychain, never into the saved profile. Through SSH, the machines&apos; host keys must already be trusted (in known_hosts), and the servers may listen on localhost only.</source>
        <translation>監視パネルは監視用ロールで接続します。このロールには pg_monitor（PostgreSQL 10 以降）が必要です。パスワードはシステムのキーチェーンに保存され、保存されるプロファイルには含まれません。SSH 経由の場合は、各マシンのホスト鍵があらかじめ信頼されている（known_hosts にある）必要があります。サーバは localhost だけで待ち受けていてもかまいません。</translation>
    </message>
    <message>
        <source>Standbys:</source>
        <translation>スタンバイ:</translation>
    </message>
    <message>
        <source>Name (application_name)</source>
        <translation>名前（application_name）</translation>
    </message>
    <message>
        <source>SSH login (user@host[:port])</source>
        <translation>SSH ログイン（user@host[:port]）</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>接続文字列</translation>
    </message>
    <message>
        <source>Server &quot;%1&quot;: %2</source>
        <translation>サーバ &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>ClusterProfileStore</name>
    <message>
        <source>Could not write %1: %2. Check that the folder exists and is writable.</source>
        <translation>%1 に書き込めませんでした: %2。フォルダが存在し、書き込めることを確認してください。</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>%1 を読み込めませんでした: %2。</translation>
    </message>
    <message>
        <source>%1 is not a cluster profile (%2).</source>
        <translation>%1 はクラスタプロファイルではありません（%2）。</translation>
    </message>
    <message>
        <source>Could not make the folder %1 for cluster profiles. Check its permissions.</source>
        <translation>クラスタプロファイル用のフォルダ %1 を作成できませんでした。パーミッションを確認してください。</translation>
    </message>
    <message>
        <source>Could not remove %1: %2.</source>
        <translation>%1 を削除できませんでした: %2。</translation>
    </message>
</context>
<context>
    <name>CommandResult</name>
    <message>
        <source>It was killed (SIGKILL): by the system&apos;s out-of-memory killer, an administrator or a timeout. Check the system log (dmesg, journalctl) on that machine.</source>
        <translation>強制終了されました（SIGKILL）。システムの OOM キラー、管理者、またはタイムアウトによるものです。そのマシンのシステムログ（dmesg、journalctl）を確認してください。</translation>
    </message>
    <message>
        <source>It was asked to stop (SIG%1) before it finished.</source>
        <translation>完了する前に停止を要求されました（SIG%1）。</translation>
    </message>
    <message>
        <source>It crashed (SIG%1). Check the program&apos;s log and the system log on that machine.</source>
        <translation>クラッシュしました（SIG%1）。そのマシンのプログラムのログとシステムログを確認してください。</translation>
    </message>
    <message>
        <source>It lost the other end of a pipe (SIGPIPE).</source>
        <translation>パイプの相手側を失いました（SIGPIPE）。</translation>
    </message>
    <message>
        <source>It was ended by signal SIG%1.</source>
        <translation>シグナル SIG%1 で終了しました。</translation>
    </message>
    <message>
        <source>%1 was cancelled before it finished; it was stopped on the host.</source>
        <translation>%1 は完了前に取り消され、ホスト上で停止されました。</translation>
    </message>
    <message>
        <source>%1 did not finish within the time allowed (%2 s) and was stopped. Check whether the host is overloaded or the command waits for something (a lock, a checkpoint, a password prompt), or allow more time.</source>
        <translation>%1 は制限時間（%2 秒）内に完了しなかったため停止されました。ホストが過負荷でないか、コマンドが何か（ロック、チェックポイント、パスワード入力）を待っていないかを確認するか、制限時間を延ばしてください。</translation>
    </message>
    <message>
        <source>%1 succeeded.</source>
        <translation>%1 は成功しました。</translation>
    </message>
    <message>
        <source>sudo asked for a password. Choose &quot;sudo with a password&quot; for this host, or allow this user to run sudo without one (NOPASSWD in sudoers).</source>
        <translation>sudo がパスワードを要求しました。このホストで「パスワードありの sudo」を選ぶか、このユーザがパスワードなしで sudo を実行できるようにしてください（sudoers の NOPASSWD）。</translation>
    </message>
    <message>
        <source>sudo refused the password. Check the password given for this host.</source>
        <translation>sudo がパスワードを拒否しました。このホストに指定したパスワードを確認してください。</translation>
    </message>
    <message>
        <source>su refused root&apos;s password. Check the root password given for this host.</source>
        <translation>su が root のパスワードを拒否しました。このホストに指定した root のパスワードを確認してください。</translation>
    </message>
    <message>
        <source>The login user may not use sudo for this. Add it to sudoers on the host, or log in as a user that may.</source>
        <translation>ログインユーザはこの操作に sudo を使えません。ホストの sudoers に追加するか、使えるユーザでログインしてください。</translation>
    </message>
    <message>
        <source>%1 did not finish. %2</source>
        <translation>%1 は完了しませんでした。%2</translation>
    </message>
    <message>
        <source>%1 was not found on the host. Check that it is installed and on the PATH of the user that runs it.</source>
        <translation>%1 がホスト上に見つかりませんでした。インストールされていること、実行するユーザの PATH にあることを確認してください。</translation>
    </message>
    <message>
        <source>%1 was found but could not be run: check its permissions (execute bit, noexec mount) and that it is a program for this machine.</source>
        <translation>%1 は見つかりましたが実行できませんでした。パーミッション（実行ビット、noexec マウント）と、このマシン用のプログラムであることを確認してください。</translation>
    </message>
    <message>
        <source>%1 ended because a command in it got signal %2.</source>
        <translation>%1 は、その中のコマンドがシグナル %2 を受けたため終了しました。</translation>
    </message>
    <message>
        <source>%1 ended without an exit status (the connection may have dropped).</source>
        <translation>%1 は終了ステータスなしで終了しました（接続が切れた可能性があります）。</translation>
    </message>
    <message>
        <source>%1 failed with exit status %2.</source>
        <translation>%1 は終了ステータス %2 で失敗しました。</translation>
    </message>
    <message>
        <source>Its last words: %1</source>
        <translation>最後の出力: %1</translation>
    </message>
    <message>
        <source>Could not %1. %2</source>
        <translation>次の操作に失敗しました: %1。%2</translation>
    </message>
</context>
<context>
    <name>ConfFile</name>
    <message>
        <source>syntax error in file &quot;%1&quot; line %2, near end of line</source>
        <translation>ファイル &quot;%1&quot; の %2 行目、行末付近に構文エラーがあります</translation>
    </message>
    <message>
        <source>syntax error in file &quot;%1&quot; line %2, near token &quot;%3&quot;</source>
        <translation>ファイル &quot;%1&quot; の %2 行目、トークン &quot;%3&quot; 付近に構文エラーがあります</translation>
    </message>
    <message>
        <source>%1 is a directive, not a setting: edit that line by hand.</source>
        <translation>%1 はパラメータではなくディレクティブです。その行は手で編集してください。</translation>
    </message>
    <message>
        <source>The value of %1 cannot contain a NUL character.</source>
        <translation>%1 の値に NUL 文字は使えません。</translation>
    </message>
    <message>
        <source>In PostgreSQL %1, %2 belongs in recovery.conf, not in %3.</source>
        <translation>PostgreSQL %1 では、%2 は %3 ではなく recovery.conf に書きます。</translation>
    </message>
    <message>
        <source>%1 cannot go in recovery.conf in PostgreSQL %2: only recovery settings can.</source>
        <translation>PostgreSQL %2 では %1 を recovery.conf に書けません。recovery.conf に書けるのはリカバリ用のパラメータだけです。</translation>
    </message>
    <message>
        <source>The value of %1 starts with a quote but is not one quoted value: %2. Write the value without quotes, or quote all of it as postgresql.conf does (&apos;it&apos;&apos;s&apos; for it&apos;s).</source>
        <translation>%1 の値は引用符で始まっていますが、1つの引用符付きの値になっていません: %2。値を引用符なしで書くか、postgresql.conf の書き方どおり値全体を引用符で囲んでください（it&apos;s は &apos;it&apos;&apos;s&apos; と書きます）。</translation>
    </message>
</context>
<context>
    <name>ConfTree</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 を読み込めません: %2。</translation>
    </message>
    <message>
        <source>could not open configuration directory &quot;%1&quot;: No such file or directory</source>
        <translation>設定ディレクトリ &quot;%1&quot; を開けませんでした: そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>could not open configuration file &quot;%1&quot;: No such file or directory</source>
        <translation>設定ファイル &quot;%1&quot; を開けませんでした: そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <source>could not open configuration file &quot;%1&quot;: maximum nesting depth exceeded</source>
        <translation>設定ファイル &quot;%1&quot; を開けませんでした: 入れ子の深さが上限を超えています</translation>
    </message>
    <message>
        <source>%1 is set again in %2 line %3, which PostgreSQL reads later: it keeps %4 = &apos;%5&apos; from there, so a change in the main file has no effect. Change it in that file (ALTER SYSTEM SET or RESET for postgresql.auto.conf).</source>
        <translation>%1 は、PostgreSQL が後から読む %2 の %3 行目で再び設定されています。そこでの %4 = &apos;%5&apos; が有効になるため、メインのファイルを変更しても効果はありません。そのファイルで変更してください（postgresql.auto.conf の場合は ALTER SYSTEM SET または RESET）。</translation>
    </message>
</context>
<context>
    <name>ConfigDiffView</name>
    <message>
        <source>Reset to proposal</source>
        <translation>提案内容に戻す</translation>
    </message>
    <message>
        <source>Throw away your edits and show the plan&apos;s proposal again.</source>
        <translation>編集内容を破棄して、プランの提案内容をもう一度表示します。</translation>
    </message>
    <message>
        <source>Proposed: edit here; this text is what will be written</source>
        <translation>提案内容: ここで編集できます。このテキストがそのまま書き込まれます</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Invalid: fix it to go on</source>
        <translation>無効: 直すと先に進めます</translation>
    </message>
    <message>
        <source>Needs a restart</source>
        <translation>再起動が必要</translation>
    </message>
    <message>
        <source>Has no effect (overridden or never used)</source>
        <translation>効果なし (上書きされる、または使われない)</translation>
    </message>
    <message>
        <source>Current file: empty, or not there yet</source>
        <translation>現在のファイル: 空、またはまだ存在しません</translation>
    </message>
    <message>
        <source>Current file (read-only)</source>
        <translation>現在のファイル (読み取り専用)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>The server would refuse this file, so the setup cannot go on until it is fixed:
%1</source>
        <translation>サーバはこのファイルを受け付けないため、直すまでセットアップを進められません:
%1</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>changed: %1, added: %2, removed: %3</source>
        <translation>変更: %1、追加: %2、削除: %3</translation>
    </message>
    <message>
        <source>settings that need a restart: %1</source>
        <translation>再起動が必要なパラメータ: %1</translation>
    </message>
    <message>
        <source>edited by you</source>
        <translation>あなたが編集済み</translation>
    </message>
    <message>
        <source>the file is empty on purpose: that it exists makes the server start as a standby</source>
        <translation>このファイルは意図的に空です: ファイルが存在することでサーバがスタンバイとして起動します</translation>
    </message>
    <message>
        <source>The file as it is now (read only)</source>
        <translation>現在のファイル (読み取り専用)</translation>
    </message>
    <message>
        <source>What will be written (editable)</source>
        <translation>書き込まれる内容 (編集可能)</translation>
    </message>
    <message>
        <source>The rules of the proposed pg_hba.conf, in the order PostgreSQL reads them</source>
        <translation>提案された pg_hba.conf の規則 (PostgreSQL が読み込む順)</translation>
    </message>
    <message>
        <source>systemd-analyze verify checks the unit on the host before it is enabled</source>
        <translation>有効にする前に、systemd-analyze verify でホスト上のユニットを検査します</translation>
    </message>
</context>
<context>
    <name>ConfigLineChecks</name>
    <message>
        <source>PostgreSQL would refuse this file: %1. Correct the line or comment it out with #.</source>
        <translation>PostgreSQL はこのファイルを受け付けません: %1。行を直すか、# でコメントアウトしてください。</translation>
    </message>
    <message>
        <source>%1 is set again on line %2 of this file, and PostgreSQL keeps the last line: %1 = &apos;%3&apos;. Remove one of the two lines.</source>
        <translation>%1 はこのファイルの %2 行目でもう一度設定されており、PostgreSQL は最後の行を採用します: %1 = &apos;%3&apos;。どちらかの行を削除してください。</translation>
    </message>
    <message>
        <source>A change of %1 takes effect only when the server restarts.</source>
        <translation>%1 の変更はサーバの再起動後にだけ反映されます。</translation>
    </message>
    <message>
        <source>Never used: line %1 matches every connection this rule matches, and PostgreSQL takes the first line that matches. Move this rule above line %1 or remove it.</source>
        <translation>使われません: このルールに合う接続はすべて %1 行目にも合い、PostgreSQL は最初に合った行を使います。このルールを %1 行目より前に移すか、削除してください。</translation>
    </message>
    <message>
        <source>%1 is a setting of PostgreSQL %2.</source>
        <translation>%1 は PostgreSQL %2 のパラメータです。</translation>
    </message>
    <message>
        <source>PostgreSQL %2 has no setting named %1.</source>
        <translation>PostgreSQL %2 には %1 という名前のパラメータはありません。</translation>
    </message>
    <message>
        <source>on or off</source>
        <translation>on または off</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 から %2 までの整数</translation>
    </message>
    <message>
        <source> (in units of %1)</source>
        <translation> (単位: %1)</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>%1 から %2 までの数値</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 のいずれか</translation>
    </message>
    <message>
        <source>A change needs a restart of the server.</source>
        <translation>変更にはサーバの再起動が必要です。</translation>
    </message>
    <message>
        <source>A change takes effect when the server reloads its files.</source>
        <translation>変更はサーバが設定ファイルをリロードすると反映されます。</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (PostgreSQL %2): %3.&lt;br&gt;Default: %4.&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (PostgreSQL %2): %3。&lt;br&gt;デフォルト: %4。&lt;br&gt;%5</translation>
    </message>
</context>
<context>
    <name>ConnInfo</name>
    <message>
        <source>Write the connection string as keyword=value pairs (host=... port=...); connection URIs are not read here.</source>
        <translation>接続文字列は keyword=value の組（host=... port=...）で書いてください。ここでは接続 URI は読み取りません。</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation>接続文字列が不正です: %1</translation>
    </message>
    <message>
        <source>missing &quot;=&quot; after &quot;%1&quot; in connection info string</source>
        <translation>接続情報文字列で &quot;%1&quot; の後に &quot;=&quot; がありません</translation>
    </message>
    <message>
        <source>unterminated quoted string in connection info string</source>
        <translation>接続情報文字列中の引用符が閉じていません</translation>
    </message>
    <message>
        <source>invalid connection option &quot;%1&quot;</source>
        <translation>不正な接続オプション &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>DemoDataStep</name>
    <message>
        <source>Demo data: database mydb, table weather</source>
        <translation>デモデータ: データベース mydb、テーブル weather</translation>
    </message>
    <message>
        <source>A row to look for on the standby: the San Francisco weather row of the PostgreSQL tutorial.</source>
        <translation>スタンバイで確認するための行: PostgreSQL チュートリアルにある San Francisco の weather の行です。</translation>
    </message>
    <message>
        <source>Create the database.</source>
        <translation>データベースを作成します。</translation>
    </message>
    <message>
        <source>Create the table and insert the row.</source>
        <translation>テーブルを作成し、行を挿入します。</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>find out what %1 has</source>
        <translation>%1 の環境を調べる</translation>
    </message>
    <message>
        <source>%1: cannot become root (sudo or su); installing packages and creating clusters will fail.</source>
        <translation>%1: root になれません（sudo または su）。パッケージのインストールとクラスタの作成は失敗します。</translation>
    </message>
    <message>
        <source>%1: cannot run commands as the postgres user.</source>
        <translation>%1: postgres ユーザとしてコマンドを実行できません。</translation>
    </message>
    <message>
        <source>Could not find which address %1 uses to reach %2. Give the standby&apos;s address explicitly.</source>
        <translation>%1 が %2 に接続するときに使うアドレスを特定できませんでした。スタンバイのアドレスを明示的に指定してください。</translation>
    </message>
    <message>
        <source>The standby cannot reach the primary at %1 (%2), so nothing was changed. Check that a firewall on the primary or between the hosts lets TCP port %3 in from the standby, and that %4 is the primary&apos;s address as the standby sees it (--primary-address).</source>
        <translation>スタンバイから %1 のプライマリに到達できない（%2）ため、何も変更しませんでした。プライマリ上またはホスト間のファイアウォールが、スタンバイから TCP ポート %3 への接続を許可していること、および %4 がスタンバイから見たプライマリのアドレスであること（--primary-address）を確認してください。</translation>
    </message>
    <message>
        <source>no answer within 5 s</source>
        <translation>5 秒以内に応答なし</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>経路なし</translation>
    </message>
    <message>
        <source>The standby could not connect to %1, so nothing was changed. Check the primary&apos;s address as the standby sees it (--primary-address).</source>
        <translation>スタンバイから %1 に接続できなかったため、何も変更しませんでした。スタンバイから見たプライマリのアドレス（--primary-address）を確認してください。</translation>
    </message>
    <message>
        <source>The primary listens on %1, but the standby&apos;s connection to it is rejected, so nothing was changed. Check the firewall on the primary: it must let TCP port %2 in from the standby.</source>
        <translation>プライマリは %1 で待ち受けていますが、スタンバイからの接続が拒否されるため、何も変更しませんでした。プライマリのファイアウォールを確認してください。スタンバイから TCP ポート %2 への接続を許可する必要があります。</translation>
    </message>
    <message>
        <source>The standby reaches the primary&apos;s host, but nothing listens on %1 yet (the plan sets listen_addresses); that the port is open to the standby is known only once the primary listens. A firewall that rejects it would stop the copy step.</source>
        <translation>スタンバイからプライマリのホストには到達できますが、%1 ではまだ何も待ち受けていません（listen_addresses はプランで設定します）。ポートがスタンバイに対して開いているかどうかは、プライマリが待ち受けを始めて初めてわかります。ファイアウォールが接続を拒否すると、複製のステップで止まります。</translation>
    </message>
    <message>
        <source>Could not test from the standby whether it reaches the primary at %1 (no bash or timeout there).</source>
        <translation>スタンバイから %1 のプライマリに到達できるかを確認できませんでした（スタンバイに bash または timeout がありません）。</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>What the last step checked on both servers.</source>
        <translation>最後のステップが両方のサーバーで確認した内容です。</translation>
    </message>
    <message>
        <source>Result of the setup</source>
        <translation>セットアップの結果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>確認された内容</translation>
    </message>
    <message>
        <source>Verification checks</source>
        <translation>検証結果</translation>
    </message>
    <message>
        <source>&amp;Open the panel on this cluster</source>
        <translation>このクラスタのパネルを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Open the replication panel on this cluster</source>
        <translation>このクラスタのレプリケーションパネルを開く</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>The standby %1 streams from the primary %2, and every check passed.</source>
        <translation>スタンバイ %1 はプライマリ %2 からストリーミングしており、すべての確認に合格しました。</translation>
    </message>
    <message>
        <source>Not every check passed: read what was seen below, then go Back to the Run page.</source>
        <translation>合格していない確認があります。下の内容を読んでから、「戻る」で実行ページに戻ってください。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The primary&apos;s postgresql.conf</source>
        <translation>プライマリの postgresql.conf</translation>
    </message>
    <message>
        <source>The primary&apos;s pg_hba.conf</source>
        <translation>プライマリの pg_hba.conf</translation>
    </message>
    <message>
        <source>The standby&apos;s postgresql.conf</source>
        <translation>スタンバイの postgresql.conf</translation>
    </message>
    <message>
        <source>The standby&apos;s recovery settings</source>
        <translation>スタンバイのリカバリ設定</translation>
    </message>
    <message>
        <source>About this file</source>
        <translation>このファイルについて</translation>
    </message>
    <message>
        <source>Why the edit was refused</source>
        <translation>編集が拒否された理由</translation>
    </message>
    <message>
        <source>Left: the file as it is now. Right: what the plan will write; you may edit it. What the right side holds is written exactly, after PostgreSQL&apos;s rules have checked it.</source>
        <translation>左: 現在のファイル。右: 計画が書き込む内容で、編集できます。右側の内容は PostgreSQL の規則で確認したうえで、そのまま書き込まれます。</translation>
    </message>
    <message>
        <source>Written by the step &quot;%1&quot; on the %2, %3.</source>
        <translation>ステップ「%1」が%2の %3 に書き込みます。</translation>
    </message>
    <message>
        <source>The plan does not change this file.</source>
        <translation>この計画はこのファイルを変更しません。</translation>
    </message>
    <message>
        <source>This file is made while the plan runs, so there is nothing to compare yet.</source>
        <translation>このファイルは計画の実行中に作られるため、まだ比較するものがありません。</translation>
    </message>
    <message>
        <source>%1 does not exist yet: an earlier step creates it, so its content is known only when the plan runs. The step &quot;%2&quot; will set:
%3</source>
        <translation>%1 はまだ存在しません。前のステップが作成するため、内容は計画の実行時に初めてわかります。ステップ「%2」は次を設定します:
%3</translation>
    </message>
    <message>
        <source>The primary&apos;s service unit</source>
        <translation>プライマリのサービスユニット</translation>
    </message>
    <message>
        <source>The standby&apos;s service unit</source>
        <translation>スタンバイのサービスユニット</translation>
    </message>
</context>
<context>
    <name>FoundPage</name>
    <message>
        <source>What was found</source>
        <translation>調査結果</translation>
    </message>
    <message>
        <source>Read only: nothing was changed on the hosts.</source>
        <translation>読み取りのみです。ホストでは何も変更していません。</translation>
    </message>
    <message>
        <source>What is being looked at</source>
        <translation>調査中の内容</translation>
    </message>
    <message>
        <source>Looking at the hosts</source>
        <translation>ホストを調査中</translation>
    </message>
    <message>
        <source>What</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>What was found on the hosts</source>
        <translation>ホストで見つかったもの</translation>
    </message>
    <message>
        <source>Problems and what to do</source>
        <translation>問題と対処方法</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>The previous look at the hosts is still ending. Go Back, then Next again.</source>
        <translation>前回のホスト調査がまだ終了処理中です。「戻る」を押してから、もう一度「次へ」を押してください。</translation>
    </message>
    <message>
        <source>Primary: %1</source>
        <translation>プライマリ: %1</translation>
    </message>
    <message>
        <source>Standby: %1</source>
        <translation>スタンバイ: %1</translation>
    </message>
    <message>
        <source>Between the hosts</source>
        <translation>ホスト間</translation>
    </message>
    <message>
        <source>open</source>
        <translation>接続可能</translation>
    </message>
    <message>
        <source>the host answers; nothing listens there yet (see below)</source>
        <translation>ホストは応答しますが、まだ待ち受けていません(下記参照)</translation>
    </message>
    <message>
        <source>blocked (see below)</source>
        <translation>遮断されています(下記参照)</translation>
    </message>
    <message>
        <source>Standby to %1:%2</source>
        <translation>スタンバイから %1:%2 へ</translation>
    </message>
    <message>
        <source>Clock difference</source>
        <translation>時刻のずれ</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Both hosts are ready for the setup.</source>
        <translation>両方のホストでセットアップの準備ができています。</translation>
    </message>
    <message numerus="yes">
        <source>Found %n problem(s). Each says what to do; solve them, then go Back and Next to look again.</source>
        <translation>
            <numerusform>%n 件の問題が見つかりました。それぞれに対処方法が示されています。解決したら、「戻る」を押してから「次へ」を押して、もう一度調べてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>PostgreSQL installed</source>
        <translation>インストール済みの PostgreSQL</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <source>Cluster %1/%2</source>
        <translation>クラスタ %1/%2</translation>
    </message>
    <message>
        <source>port %1, %2, data in %3</source>
        <translation>ポート %1、%2、データは %3</translation>
    </message>
    <message>
        <source>running</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>ディスクの空き</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Becomes root</source>
        <translation>root になれるか</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>クラスタ %1</translation>
    </message>
</context>
<context>
    <name>GoalPage</name>
    <message>
        <source>What do you want to set up?</source>
        <translation>何をセットアップしますか?</translation>
    </message>
    <message>
        <source>Nothing changes on any machine before the Run page, and every change is shown to you first.</source>
        <translation>実行ページまではどのマシンも変更されず、すべての変更は先に表示されます。</translation>
    </message>
    <message>
        <source>A &amp;new primary and standby</source>
        <translation>新しいプライマリとスタンバイ(&amp;N)</translation>
    </message>
    <message>
        <source>Two machines with PostgreSQL installed: the primary is created or reused, the standby is copied from it with pg_basebackup and streams from it.</source>
        <translation>PostgreSQL がインストールされた 2 台のマシン: プライマリを作成または再利用し、スタンバイは pg_basebackup でプライマリから複製してストリーミングします。</translation>
    </message>
    <message>
        <source>A standby for a primary that &amp;runs already</source>
        <translation>稼働中のプライマリにスタンバイを追加(&amp;R)</translation>
    </message>
    <message>
        <source>The primary keeps running and its data; only what replication needs is added to its settings.</source>
        <translation>プライマリは稼働もデータもそのままで、レプリケーションに必要な設定だけを追加します。</translation>
    </message>
    <message>
        <source>The &amp;walkthrough&apos;s own choices (for teaching)</source>
        <translation>手順書どおりの選択(教育用)(&amp;W)</translation>
    </message>
    <message>
        <source>The standby connects as the postgres superuser with md5, as in the classic walkthrough. Weaker: use it only to follow the lesson, never for a server that matters.</source>
        <translation>従来の手順書のとおり、スタンバイは postgres スーパーユーザーとして md5 で接続します。安全性が低いため、演習のためだけに使い、重要なサーバーには決して使わないでください。</translation>
    </message>
</context>
<context>
    <name>HbaFile</name>
    <message>
        <source>multiple values specified for connection type</source>
        <translation>接続タイプに複数の値が指定されています</translation>
    </message>
    <message>
        <source>invalid connection type &quot;%1&quot;</source>
        <translation>不正な接続タイプ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>end-of-line before database specification</source>
        <translation>データベースの指定の前に行が終わっています</translation>
    </message>
    <message>
        <source>end-of-line before role specification</source>
        <translation>ロールの指定の前に行が終わっています</translation>
    </message>
    <message>
        <source>end-of-line before IP address specification</source>
        <translation>IP アドレスの指定の前に行が終わっています</translation>
    </message>
    <message>
        <source>multiple values specified for host address</source>
        <translation>ホストアドレスに複数の値が指定されています</translation>
    </message>
    <message>
        <source>specifying both host name and CIDR mask is invalid: &quot;%1&quot;</source>
        <translation>ホスト名と CIDR マスクを両方指定することはできません: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>invalid CIDR mask in address &quot;%1&quot;</source>
        <translation>アドレス &quot;%1&quot; の CIDR マスクが不正です</translation>
    </message>
    <message>
        <source>end-of-line before netmask specification</source>
        <translation>ネットマスクの指定の前に行が終わっています</translation>
    </message>
    <message>
        <source>multiple values specified for netmask</source>
        <translation>ネットマスクに複数の値が指定されています</translation>
    </message>
    <message>
        <source>invalid IP mask &quot;%1&quot;</source>
        <translation>不正な IP マスク &quot;%1&quot;</translation>
    </message>
    <message>
        <source>IP address and mask do not match</source>
        <translation>IP アドレスとマスクが一致しません</translation>
    </message>
    <message>
        <source>end-of-line before authentication method</source>
        <translation>認証方式の前に行が終わっています</translation>
    </message>
    <message>
        <source>multiple values specified for authentication type</source>
        <translation>認証タイプに複数の値が指定されています</translation>
    </message>
    <message>
        <source>sspi authentication is not supported on this platform</source>
        <translation>このプラットフォームでは sspi 認証はサポートされていません</translation>
    </message>
    <message>
        <source>bsd authentication is not supported on this platform</source>
        <translation>このプラットフォームでは bsd 認証はサポートされていません</translation>
    </message>
    <message>
        <source>invalid authentication method &quot;%1&quot;</source>
        <translation>不正な認証方式 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>gssapi authentication is not supported on local sockets</source>
        <translation>gssapi 認証はローカルソケットではサポートされていません</translation>
    </message>
    <message>
        <source>peer authentication is only supported on local sockets</source>
        <translation>peer 認証はローカルソケットでのみサポートされています</translation>
    </message>
    <message>
        <source>cert authentication is only supported on hostssl connections</source>
        <translation>cert 認証は hostssl 接続でのみサポートされています</translation>
    </message>
    <message>
        <source>authentication option not in name=value format: %1</source>
        <translation>認証オプションが name=value 形式になっていません: %1</translation>
    </message>
    <message>
        <source>unrecognized authentication option name: &quot;%1&quot;</source>
        <translation>認識できない認証オプション名: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>authentication option &quot;%1&quot; is only valid for authentication methods %2</source>
        <translation>認証オプション &quot;%1&quot; は認証方式 %2 でのみ有効です</translation>
    </message>
    <message>
        <source>clientcert can only be configured for &quot;hostssl&quot; rows</source>
        <translation>clientcert は &quot;hostssl&quot; の行でのみ設定できます</translation>
    </message>
    <message>
        <source>invalid value for clientcert: &quot;%1&quot;</source>
        <translation>clientcert の値が不正です: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>clientcert only accepts &quot;verify-full&quot; when using &quot;cert&quot; authentication</source>
        <translation>&quot;cert&quot; 認証を使う場合、clientcert には &quot;verify-full&quot; しか指定できません</translation>
    </message>
    <message>
        <source>authentication method &quot;radius&quot; requires argument &quot;radiusservers&quot; to be set</source>
        <translation>認証方式 &quot;radius&quot; では引数 &quot;radiusservers&quot; の設定が必要です</translation>
    </message>
    <message>
        <source>authentication method &quot;radius&quot; requires argument &quot;radiussecrets&quot; to be set</source>
        <translation>認証方式 &quot;radius&quot; では引数 &quot;radiussecrets&quot; の設定が必要です</translation>
    </message>
    <message>
        <source>authentication method &quot;ldap&quot; requires argument &quot;ldapserver&quot; to be set</source>
        <translation>認証方式 &quot;ldap&quot; では引数 &quot;ldapserver&quot; の設定が必要です</translation>
    </message>
    <message>
        <source>authentication method &quot;ldap&quot; requires argument &quot;ldapbasedn&quot;, &quot;ldapprefix&quot;, or &quot;ldapsuffix&quot; to be set</source>
        <translation>認証方式 &quot;ldap&quot; では引数 &quot;ldapbasedn&quot;、&quot;ldapprefix&quot;、&quot;ldapsuffix&quot; のいずれかの設定が必要です</translation>
    </message>
    <message>
        <source>missing file name after &quot;%1&quot;</source>
        <translation>&quot;%1&quot; の後にファイル名がありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes exactly one file name</source>
        <translation>&quot;%1&quot; にはファイル名をちょうど1つ指定します</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>%1 has lines PostgreSQL would refuse; correct them and try again.</source>
        <translation>%1 には PostgreSQL が受け付けない行があります。修正してからもう一度実行してください。</translation>
    </message>
    <message>
        <source>A pg_hba.conf rule is one line; remove the line break.</source>
        <translation>pg_hba.conf の規則は1行です。改行を取り除いてください。</translation>
    </message>
    <message>
        <source>The rule is empty; write it as in pg_hba.conf, e.g. &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;.</source>
        <translation>規則が空です。pg_hba.conf と同じ形式で書いてください（例: &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;）。</translation>
    </message>
    <message>
        <source>This is not a valid pg_hba.conf rule: %1.</source>
        <translation>pg_hba.conf の規則として正しくありません: %1。</translation>
    </message>
    <message>
        <source>Line %1 (&quot;%2&quot;) already matches the same connections and comes first, so the rule would never be used; remove or narrow line %1 if the rule is meant to apply.</source>
        <translation>%1 行目（&quot;%2&quot;）が同じ接続にすでに一致し、先に評価されるため、この規則は使われません。この規則を効かせるなら、%1 行目を削除するか対象を絞ってください。</translation>
    </message>
</context>
<context>
    <name>HbaRuleTableModel</name>
    <message>
        <source>Never used: line %1 matches first</source>
        <translation>使われません: %1 行目が先に合います</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>Unknown privilege method for %1.</source>
        <translation>%1 の権限取得の方法が不明です。</translation>
    </message>
    <message>
        <source>pass the input of %1 to su on %2</source>
        <translation>%1 の入力を %2 の su に渡す</translation>
    </message>
    <message>
        <source>read %1 on %2</source>
        <translation>%2 の %1 を読み込む</translation>
    </message>
    <message>
        <source>Writing %1 on %2 was cancelled; the file was left as it was.</source>
        <translation>%2 の %1 への書き込みは取り消されました。ファイルは元のままです。</translation>
    </message>
    <message>
        <source>write %1 on %2; the file was left as it was</source>
        <translation>%2 の %1 に書き込む（ファイルは元のまま）</translation>
    </message>
    <message>
        <source>append to %1 on %2</source>
        <translation>%2 の %1 に追記する</translation>
    </message>
    <message>
        <source>Could not read %1 on %2: it does not exist.</source>
        <translation>%2 の %1 を読み込めませんでした: ファイルがありません。</translation>
    </message>
    <message>
        <source>Could not read %1 on %2: permission denied; read it as root or postgres.</source>
        <translation>%2 の %1 を読み込めませんでした: 権限がありません。root か postgres として読み込んでください。</translation>
    </message>
    <message>
        <source>Could not read %1 on %2: %3.</source>
        <translation>%2 の %1 を読み込めませんでした: %3。</translation>
    </message>
    <message>
        <source>The user %1 cannot act as %2 on %3: no way to become %2 was chosen. Log in as root, or let %1 use sudo or su there and say so (replicactl: --sudo, --sudo-password-file or --su-password-file).</source>
        <translation>ユーザ %1 は %3 で %2 として操作できません。%2 になる方法が選ばれていません。root でログインするか、そのホストで %1 が sudo または su を使えるようにして、その方法を指定してください（replicactl: --sudo、--sudo-password-file、--su-password-file）。</translation>
    </message>
    <message>
        <source>sudo on %1 needs the password of %2. Give it (replicactl: --sudo-password-file).</source>
        <translation>%1 の sudo には %2 のパスワードが必要です。パスワードを指定してください（replicactl: --sudo-password-file）。</translation>
    </message>
    <message>
        <source>su on %1 needs root&apos;s password. Give it (replicactl: --su-password-file).</source>
        <translation>%1 の su には root のパスワードが必要です。パスワードを指定してください（replicactl: --su-password-file）。</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown host key</source>
        <translation>未知のホスト鍵</translation>
    </message>
    <message>
        <source>Unknown host key of %1</source>
        <translation>%1 の未知のホスト鍵</translation>
    </message>
    <message>
        <source>%1 is not known yet. Its %2 host key has this fingerprint:</source>
        <translation>%1 はまだ登録されていません。その %2 ホスト鍵のフィンガープリントは次のとおりです:</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>フィンガープリント</translation>
    </message>
    <message>
        <source>Compare it with what the machine itself says (ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub on it) and accept it only if they match. Remembered keys go to %2.</source>
        <translation>マシン自身が示す値(そのマシンで ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub)と比べ、一致する場合だけ受け入れてください。記憶した鍵は %2 に保存されます。</translation>
    </message>
    <message>
        <source>Accept and &amp;remember</source>
        <translation>受け入れて記憶する(&amp;R)</translation>
    </message>
    <message>
        <source>Accept &amp;once</source>
        <translation>今回だけ受け入れる(&amp;O)</translation>
    </message>
    <message>
        <source>Accept the key and remember it in known_hosts</source>
        <translation>鍵を受け入れて known_hosts に記憶する</translation>
    </message>
    <message>
        <source>Accept the key for this session only</source>
        <translation>この接続の間だけ鍵を受け入れる</translation>
    </message>
    <message>
        <source>Refuse the key</source>
        <translation>鍵を拒否する</translation>
    </message>
</context>
<context>
    <name>HostLock</name>
    <message>
        <source>look for an earlier run&apos;s lock file on %1</source>
        <translation>%1 で以前の実行のロックファイルを探す</translation>
    </message>
    <message>
        <source>Could not find where to keep the lock file on %1.</source>
        <translation>%1 でロックファイルを置く場所が見つかりませんでした。</translation>
    </message>
    <message>
        <source>Another run (%1, process %2 on this computer) is working on the %3 (%4). Wait for it to end, or stop it, then run this again.</source>
        <translation>別の実行（%1、このコンピュータのプロセス %2）が %3（%4）で作業中です。終了を待つか停止してから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>A run from %1 (%2, process %3) worked on the %4 (%5) %6 s ago and may still be working there. Wait for it to end; if it is gone, remove %7 on that host and run this again.</source>
        <translation>%1 からの実行（%2、プロセス %3）が %6 秒前に %4（%5）で作業しており、まだ作業中の可能性があります。終了を待ってください。その実行がもう存在しない場合は、そのホストの %7 を削除してから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>Another run claimed the %1 (%2) just now. Wait for it to end, then run this again.</source>
        <translation>たった今、別の実行が %1（%2）を確保しました。終了を待ってから、もう一度実行してください。</translation>
    </message>
    <message>
        <source>write the lock file %1 on %2</source>
        <translation>%2 にロックファイル %1 を書き込む</translation>
    </message>
    <message>
        <source>An earlier run was interrupted and left commands running on the %1 (%2): %3. Waiting up to %4 s for them to end before this run goes on.</source>
        <translation>以前の実行が中断され、%1（%2）でコマンドが実行されたまま残っています: %3。この実行を続ける前に、それらが終了するまで最大 %4 秒待ちます。</translation>
    </message>
    <message>
        <source>Cancelled while waiting for an earlier run&apos;s commands on the %1 to end.</source>
        <translation>%1 で以前の実行のコマンドが終了するのを待っている間に取り消されました。</translation>
    </message>
    <message>
        <source>They ended after %1 s.</source>
        <translation>%1 秒後に終了しました。</translation>
    </message>
    <message>
        <source>Ended them: they still ran after %1 s.</source>
        <translation>%1 秒経っても実行中だったため、終了させました。</translation>
    </message>
</context>
<context>
    <name>HostTarget</name>
    <message>
        <source>&quot;%1&quot; is not a host. Write it as USER@HOST or USER@HOST:PORT, for example postgres@db1:22.</source>
        <translation>&quot;%1&quot; はホストの指定ではありません。USER@HOST または USER@HOST:PORT の形式で書いてください（例: postgres@db1:22）。</translation>
    </message>
    <message>
        <source>The SSH port in &quot;%1&quot; must be between 1 and 65535.</source>
        <translation>&quot;%1&quot; の SSH ポートは 1 から 65535 の範囲で指定してください。</translation>
    </message>
</context>
<context>
    <name>HostTask</name>
    <message>
        <source>Still running.</source>
        <translation>実行中です。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>InstallStep</name>
    <message>
        <source>Install PostgreSQL %1 on the %2</source>
        <translation>%2 に PostgreSQL %1 をインストール</translation>
    </message>
    <message>
        <source>The %1 has no PostgreSQL %2 server yet; both machines need the same major version.</source>
        <translation>%1 にはまだ PostgreSQL %2 のサーバがありません。両方のマシンで同じメジャーバージョンが必要です。</translation>
    </message>
    <message>
        <source>Refresh the package lists.</source>
        <translation>パッケージリストを更新します。</translation>
    </message>
    <message>
        <source>Install the server and client packages.</source>
        <translation>サーバとクライアントのパッケージをインストールします。</translation>
    </message>
    <message>
        <source>Install the server package from the PostgreSQL (PGDG) repository.</source>
        <translation>PostgreSQL（PGDG）リポジトリからサーバパッケージをインストールします。</translation>
    </message>
    <message>
        <source>install PostgreSQL</source>
        <translation>PostgreSQL をインストール</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is not installed on the %2. Install it with the commands shown, or run the setup with --install, then run it again.</source>
        <translation>%2 に PostgreSQL %1 がインストールされていません。表示されたコマンドでインストールするか、--install を付けて構築を実行してから、もう一度実行してください。</translation>
    </message>
</context>
<context>
    <name>LagChart</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>対数目盛(&amp;L)</translation>
    </message>
    <message>
        <source>Byte lag</source>
        <translation>遅延バイト数</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>遅延時間</translation>
    </message>
    <message>
        <source>WAL rate of the primary</source>
        <translation>プライマリの WAL 生成速度</translation>
    </message>
    <message>
        <source>What to draw: how many bytes each standby is behind (sent, written, flushed, replayed), how long its write, flush and replay take, or how fast the primary writes WAL.</source>
        <translation>表示する内容: 各スタンバイが何バイト遅れているか（送信・書き込み・フラッシュ・適用）、書き込み・フラッシュ・適用にかかる時間、またはプライマリが WAL を書く速さ。</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>直近 1 分</translation>
    </message>
    <message>
        <source>Last 10 minutes</source>
        <translation>直近 10 分</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>直近 1 時間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>直近 24 時間</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Freeze the chart to read it; sampling goes on and the chart catches up when resumed.</source>
        <translation>グラフを止めて読めるようにします。サンプリングは続き、再開するとグラフが追いつきます。</translation>
    </message>
    <message>
        <source>A log scale shows small and large lags together; zero is drawn at the bottom line.</source>
        <translation>対数目盛では小さな遅延と大きな遅延を一緒に表示できます。ゼロは一番下の線に描かれます。</translation>
    </message>
    <message>
        <source>Export PN&amp;G...</source>
        <translation>PNG に書き出し(&amp;G)...</translation>
    </message>
    <message>
        <source>Save the chart as it is shown as a PNG image.</source>
        <translation>表示中のグラフを PNG 画像として保存します。</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation>CSV に書き出し(&amp;C)...</translation>
    </message>
    <message>
        <source>Save the history of the shown time window (every series, minimum, average and maximum) as CSV.</source>
        <translation>表示中の時間範囲の履歴（全系列の最小・平均・最大）を CSV として保存します。</translation>
    </message>
    <message>
        <source>All standbys (replay)</source>
        <translation>全スタンバイ（適用）</translation>
    </message>
    <message>
        <source>Every standby&apos;s replay lag together, or one standby&apos;s whole pipeline: how far behind what it was sent, wrote, flushed and replayed is.</source>
        <translation>全スタンバイの適用遅延をまとめて、または 1 台のスタンバイのパイプライン全体（送信・書き込み・フラッシュ・適用がそれぞれどれだけ遅れているか）を表示します。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 送信</translation>
    </message>
    <message>
        <source>%1 write</source>
        <translation>%1 書き込み</translation>
    </message>
    <message>
        <source>%1 flush</source>
        <translation>%1 フラッシュ</translation>
    </message>
    <message>
        <source>%1 replay</source>
        <translation>%1 適用</translation>
    </message>
    <message>
        <source>WAL written by the primary</source>
        <translation>プライマリが書いた WAL</translation>
    </message>
    <message>
        <source>%1, every stage</source>
        <translation>%1（全段階）</translation>
    </message>
    <message>
        <source>Lag (s)</source>
        <translation>遅延（秒）</translation>
    </message>
    <message>
        <source>Lag (ms)</source>
        <translation>遅延（ミリ秒）</translation>
    </message>
    <message>
        <source>WAL per second (%1)</source>
        <translation>毎秒の WAL（%1）</translation>
    </message>
    <message>
        <source>Behind the primary (%1)</source>
        <translation>プライマリからの遅れ（%1）</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>kB</source>
        <translation>kB</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>バイト</translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation>秒前</translation>
    </message>
    <message>
        <source>Minutes ago</source>
        <translation>分前</translation>
    </message>
    <message>
        <source>Hours ago</source>
        <translation>時間前</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Choose a folder you can write to.</source>
        <translation>グラフを %1 に保存できませんでした。書き込みできるフォルダを選んでください。</translation>
    </message>
    <message>
        <source>The history could not be saved to %1: %2. Choose a folder you can write to.</source>
        <translation>履歴を %1 に保存できませんでした: %2。書き込みできるフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Export the chart as PNG</source>
        <translation>グラフを PNG に書き出し</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>履歴を CSV に書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Previous step</source>
        <translation>前のステップ</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>Lesson steps</source>
        <translation>レッスンのステップ</translation>
    </message>
    <message>
        <source>Runs on the %1: %2</source>
        <translation>%1 で実行: %2</translation>
    </message>
    <message>
        <source>Running… (it is expected to wait)</source>
        <translation>実行中…（待機するのは想定どおりです）</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>Refused, as expected (SQLSTATE %1): %2</source>
        <translation>想定どおり拒否されました（SQLSTATE %1）: %2</translation>
    </message>
    <message>
        <source>It was not refused: %1. Is this server still a standby?</source>
        <translation>拒否されませんでした: %1。このサーバはまだスタンバイですか？</translation>
    </message>
    <message>
        <source>Refused, but not as the lesson expects (SQLSTATE %1): %2</source>
        <translation>拒否されましたが、レッスンの想定とは異なります（SQLSTATE %1）: %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>LessonScript</name>
    <message>
        <source>1. Who streams to whom</source>
        <translation>1. どのサーバからどのサーバへストリーミングしているか</translation>
    </message>
    <message>
        <source>The primary lists every standby that streams from it in pg_stat_replication. Ask it.</source>
        <translation>プライマリは、自分からストリーミングしているすべてのスタンバイを pg_stat_replication に表示します。プライマリに問い合わせてみましょう。</translation>
    </message>
    <message>
        <source>One row: the standby, in state &lt;b&gt;streaming&lt;/b&gt;, with sync_state &lt;b&gt;sync&lt;/b&gt;: every commit on the primary waits until the standby has its WAL. The Replication tab shows the same, live.</source>
        <translation>スタンバイの行が 1 行返ります。状態は &lt;b&gt;streaming&lt;/b&gt;、sync_state は &lt;b&gt;sync&lt;/b&gt; です。つまり、プライマリでのすべてのコミットは、スタンバイがその WAL を受け取るまで待ちます。「レプリケーション」タブにも同じ内容がリアルタイムで表示されます。</translation>
    </message>
    <message>
        <source>Ask the primary</source>
        <translation>プライマリに問い合わせる</translation>
    </message>
    <message>
        <source>2. A row written on the primary appears on the standby</source>
        <translation>2. プライマリで書き込んだ行がスタンバイに現れる</translation>
    </message>
    <message>
        <source>Count the rows of the weather table on the standby, insert a row on the primary, and count again on the standby.</source>
        <translation>スタンバイで weather テーブルの行数を数え、プライマリで行を 1 行挿入してから、もう一度スタンバイで数えてみましょう。</translation>
    </message>
    <message>
        <source>The new row is on the standby at once: the primary sent its WAL, the standby replayed it. Nothing was copied by hand.</source>
        <translation>新しい行はすぐにスタンバイに現れました。プライマリが WAL を送り、スタンバイがそれを適用したのです。手作業では何もコピーしていません。</translation>
    </message>
    <message>
        <source>Count on the standby</source>
        <translation>スタンバイで数える</translation>
    </message>
    <message>
        <source>Insert on the primary</source>
        <translation>プライマリで挿入する</translation>
    </message>
    <message>
        <source>Count on the standby again</source>
        <translation>スタンバイでもう一度数える</translation>
    </message>
    <message>
        <source>3. The standby refuses writes</source>
        <translation>3. スタンバイは書き込みを拒否する</translation>
    </message>
    <message>
        <source>Try the same INSERT on the standby.</source>
        <translation>同じ INSERT をスタンバイで試してみましょう。</translation>
    </message>
    <message>
        <source>Refused with SQLSTATE 25006, &quot;cannot execute INSERT in a read-only transaction&quot;: a hot standby only replays what the primary writes. Write on the primary; read on either.</source>
        <translation>SQLSTATE 25006「cannot execute INSERT in a read-only transaction」で拒否されました。ホットスタンバイは、プライマリが書き込んだ内容を適用するだけです。書き込みはプライマリで行い、読み取りはどちらでも行えます。</translation>
    </message>
    <message>
        <source>Insert on the standby</source>
        <translation>スタンバイで挿入する</translation>
    </message>
    <message>
        <source>4. Lag under a write load</source>
        <translation>4. 書き込み負荷がかかったときの遅延</translation>
    </message>
    <message>
        <source>Write a few hundred thousand rows on the primary and watch the Replication tab&apos;s charts: the bytes sent, written, flushed and replayed follow the primary&apos;s WAL.</source>
        <translation>プライマリで数十万行を書き込み、「レプリケーション」タブのグラフを見てみましょう。送信・書き込み・フラッシュ・適用済みのバイト数が、プライマリの WAL を追いかけていきます。</translation>
    </message>
    <message>
        <source>The lag rose while WAL was written and fell back to zero once the standby caught up.</source>
        <translation>WAL が書き込まれている間は遅延が増え、スタンバイが追いつくとゼロに戻りました。</translation>
    </message>
    <message>
        <source>Write a load on the primary</source>
        <translation>プライマリに書き込み負荷をかける</translation>
    </message>
    <message>
        <source>5. Replay paused</source>
        <translation>5. リカバリ適用の一時停止</translation>
    </message>
    <message>
        <source>Pause replay on the standby, insert a row on the primary and count on the standby; then resume.</source>
        <translation>スタンバイでリカバリ適用を一時停止し、プライマリで行を挿入してから、スタンバイで行数を数えてみましょう。そのあと、適用を再開します。</translation>
    </message>
    <message>
        <source>While replay was paused the standby still received WAL, but its rows stood still and its replay lag grew. Resumed, it replayed everything it had received.</source>
        <translation>リカバリ適用を一時停止している間も、スタンバイは WAL を受信し続けていましたが、行数は変わらず、適用遅延が増えていきました。再開すると、受信済みのものをすべて適用しました。</translation>
    </message>
    <message>
        <source>Pause replay on the standby</source>
        <translation>スタンバイでリカバリ適用を一時停止する</translation>
    </message>
    <message>
        <source>Resume replay</source>
        <translation>リカバリ適用を再開する</translation>
    </message>
    <message>
        <source>6. A stopped synchronous standby holds commits</source>
        <translation>6. 同期スタンバイが停止するとコミットが待たされる</translation>
    </message>
    <message>
        <source>Stop the standby, then insert on the primary. The INSERT does not return: a synchronous commit waits for the standby&apos;s confirmation, and the Replication tab shows commits waiting. Then take one of the two safe ways out.</source>
        <translation>スタンバイを停止してから、プライマリで挿入してみましょう。INSERT は戻ってきません。同期コミットはスタンバイからの確認を待つため、「レプリケーション」タブには待機中のコミットが表示されます。そのあと、2 つある安全な解決方法のどちらかを選びます。</translation>
    </message>
    <message>
        <source>Starting the standby again let the waiting commit return. (Making replication asynchronous would have let it return too, with less protection against losing it.)</source>
        <translation>スタンバイを再び起動したことで、待機していたコミットが戻りました。（レプリケーションを非同期にしても戻りますが、そのコミットが失われることに対する保護は弱くなります。）</translation>
    </message>
    <message>
        <source>Make sure replication is synchronous</source>
        <translation>レプリケーションが同期であることを確認する</translation>
    </message>
    <message>
        <source>Stop the standby</source>
        <translation>スタンバイを停止する</translation>
    </message>
    <message>
        <source>Insert on the primary (it waits)</source>
        <translation>プライマリで挿入する（待機します）</translation>
    </message>
    <message>
        <source>Way out: start the standby again</source>
        <translation>解決方法: スタンバイを再び起動する</translation>
    </message>
    <message>
        <source>Promote the standby: it leaves recovery and becomes a primary of its own. Then write on it.</source>
        <translation>スタンバイを昇格させましょう。スタンバイはリカバリを終了し、独立したプライマリになります。そのあと、そこに書き込んでみます。</translation>
    </message>
    <message>
        <source>The former standby accepts writes now; the two servers no longer replicate. Reset the sandbox to start the lesson again from a fresh pair.</source>
        <translation>元のスタンバイは書き込みを受け付けるようになり、2 台のサーバ間ではもうレプリケーションが行われていません。新しいペアでレッスンを最初からやり直すには、サンドボックスをリセットしてください。</translation>
    </message>
    <message>
        <source>Promote the standby</source>
        <translation>スタンバイを昇格する</translation>
    </message>
    <message>
        <source>Insert on the former standby</source>
        <translation>元のスタンバイで挿入する</translation>
    </message>
    <message>
        <source>Reset the sandbox</source>
        <translation>サンドボックスをリセットする</translation>
    </message>
    <message>
        <source>Make three standbys, ANY 2 of them</source>
        <translation>スタンバイを 3 台にして ANY 2 にする</translation>
    </message>
    <message>
        <source>7. A quorum of standbys</source>
        <translation>7. スタンバイのクォーラム</translation>
    </message>
    <message>
        <source>Make the sandbox again with three standbys and synchronous_standby_names = &apos;ANY 2 (standby1, standby2, standby3)&apos;: a commit waits until any two of the three have it. Stop one standby and insert: the commit returns. Stop a second one and insert again: now it waits.</source>
        <translation>スタンバイを 3 台にし、synchronous_standby_names = &apos;ANY 2 (standby1, standby2, standby3)&apos; でサンドボックスを作り直しましょう。コミットは、3 台のうちいずれか 2 台が受け取るまで待ちます。スタンバイを 1 台停止して挿入すると、コミットは戻ってきます。もう 1 台停止してもう一度挿入すると、今度は待たされます。</translation>
    </message>
    <message>
        <source>All three showed sync_state = quorum. With one standby stopped two could still confirm; with two stopped the commit waited until one came back. A quorum rides out the loss of any one standby, where FIRST 1 would have waited for its one named standby.</source>
        <translation>3 台とも sync_state = quorum と表示されました。1 台を停止しても残りの 2 台で確認できましたが、2 台を停止すると、1 台が戻るまでコミットは待ちました。クォーラムなら、どのスタンバイを 1 台失っても処理を続けられます。FIRST 1 であれば、名前を指定した 1 台のスタンバイを待っていたところです。</translation>
    </message>
    <message>
        <source>Show the quorum on the primary</source>
        <translation>プライマリでクォーラムを表示する</translation>
    </message>
    <message>
        <source>Stop standby1</source>
        <translation>standby1 を停止する</translation>
    </message>
    <message>
        <source>Insert on the primary (two standbys confirm)</source>
        <translation>プライマリで挿入する（2 台のスタンバイが確認）</translation>
    </message>
    <message>
        <source>Stop standby2</source>
        <translation>standby2 を停止する</translation>
    </message>
    <message>
        <source>Way out: start standby2 again</source>
        <translation>解決方法: standby2 を再び起動する</translation>
    </message>
    <message>
        <source>8. Promote the standby</source>
        <translation>8. スタンバイを昇格する</translation>
    </message>
    <message>
        <source>Start standby1 again</source>
        <translation>standby1 を再び起動する</translation>
    </message>
</context>
<context>
    <name>LocalHost</name>
    <message>
        <source>this computer</source>
        <translation>このコンピュータ</translation>
    </message>
</context>
<context>
    <name>MachinesPage</name>
    <message>
        <source>Machines</source>
        <translation>マシン</translation>
    </message>
    <message>
        <source>Where the primary and the standby are, and how to log in to them over SSH.</source>
        <translation>プライマリとスタンバイの場所と、SSH でのログイン方法です。</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>&amp;Primary:</source>
        <translation>プライマリ(&amp;P):</translation>
    </message>
    <message>
        <source>Primary host</source>
        <translation>プライマリのホスト</translation>
    </message>
    <message>
        <source>&amp;Standby:</source>
        <translation>スタンバイ(&amp;S):</translation>
    </message>
    <message>
        <source>Standby host</source>
        <translation>スタンバイのホスト</translation>
    </message>
    <message>
        <source>%1: connection test</source>
        <translation>%1: 接続テスト</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test the connection to both hosts</source>
        <translation>両方のホストへの接続をテストする</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>鍵ファイル</translation>
    </message>
    <message>
        <source>Keys of ssh-agent</source>
        <translation>ssh-agent の鍵</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Login method</source>
        <translation>ログイン方法</translation>
    </message>
    <message>
        <source>Empty: ~/.ssh/id_ed25519, id_ecdsa, id_rsa</source>
        <translation>空欄: ~/.ssh/id_ed25519、id_ecdsa、id_rsa</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>鍵ファイルを選ぶ</translation>
    </message>
    <message>
        <source>The login password (also sudo&apos;s, when sudo asks for one)</source>
        <translation>ログインパスワード(sudo が求めるときは sudo にも使います)</translation>
    </message>
    <message>
        <source>The login user is root</source>
        <translation>ログインユーザーが root</translation>
    </message>
    <message>
        <source>sudo, without a password</source>
        <translation>sudo(パスワードなし)</translation>
    </message>
    <message>
        <source>sudo, with the login password</source>
        <translation>sudo(ログインパスワードを使用)</translation>
    </message>
    <message>
        <source>How the login user becomes root</source>
        <translation>ログインユーザーが root になる方法</translation>
    </message>
    <message>
        <source>&amp;Log in with:</source>
        <translation>ログイン方法(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>鍵ファイル(&amp;K):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Become root by:</source>
        <translation>root になる方法(&amp;B):</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>秘密鍵を選ぶ</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続中…</translation>
    </message>
    <message>
        <source>✔ Connected to %1.</source>
        <translation>✔ %1 に接続しました。</translation>
    </message>
    <message>
        <source>user@host, user@host:port or a Host of ~/.ssh/config, e.g. root@db1</source>
        <translation>user@host、user@host:port、または ~/.ssh/config の Host(例: root@db1)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Empty: found (the distribution&apos;s packages, /usr/local/pgsql, /opt, the PATH)</source>
        <translation>空欄: 自動で検出（ディストリビューションのパッケージ、/usr/local/pgsql、/opt、PATH）</translation>
    </message>
    <message>
        <source>Folder of the PostgreSQL programs on both hosts</source>
        <translation>両ホストの PostgreSQL プログラムのフォルダ</translation>
    </message>
    <message>
        <source>Where postgres, initdb and pg_ctl are when the distribution did not install them, for example /opt/postgresql-17/bin. The plan says which installation it uses.</source>
        <translation>ディストリビューションがインストールしたものでない場合の、postgres、initdb、pg_ctl のある場所（例: /opt/postgresql-17/bin）。どのインストールを使うかはプランに示されます。</translation>
    </message>
    <message>
        <source>PostgreSQL pro&amp;grams:</source>
        <translation>PostgreSQL プログラム(&amp;G):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Replica Studio</source>
        <translation>Replica Studio</translation>
    </message>
    <message>
        <source>Replica Studio: demo sandbox</source>
        <translation>Replica Studio: デモ用サンドボックス</translation>
    </message>
    <message>
        <source>The sandbox in this folder could not be read: %1</source>
        <translation>このフォルダのサンドボックスを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>No sandbox in %1 yet.</source>
        <translation>%1 にはまだサンドボックスがありません。</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <source>Cluster not saved</source>
        <translation>クラスタを保存できませんでした</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New replication setup…</source>
        <translation>新しいレプリケーション構築(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>クラスタ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New cluster…</source>
        <translation>新しいクラスタ(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Connect again</source>
        <translation>再接続(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport profile…</source>
        <translation>プロファイルのエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import profile…</source>
        <translation>プロファイルのインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Sandbox</source>
        <translation>サンドボックス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start the demo sandbox</source>
        <translation>デモ用サンドボックスを起動(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the s&amp;tandby</source>
        <translation>スタンバイを停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stopping the standby…</source>
        <translation>スタンバイを停止しています…</translation>
    </message>
    <message>
        <source>Start the standb&amp;y</source>
        <translation>スタンバイを起動(&amp;Y)</translation>
    </message>
    <message>
        <source>Starting the standby…</source>
        <translation>スタンバイを起動しています…</translation>
    </message>
    <message>
        <source>&amp;Pause replay</source>
        <translation>リカバリ適用を一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Pausing replay…</source>
        <translation>リカバリ適用を一時停止しています…</translation>
    </message>
    <message>
        <source>&amp;Resume replay</source>
        <translation>リカバリ適用を再開(&amp;R)</translation>
    </message>
    <message>
        <source>Resuming replay…</source>
        <translation>リカバリ適用を再開しています…</translation>
    </message>
    <message>
        <source>Make replication s&amp;ynchronous</source>
        <translation>同期レプリケーションにする(&amp;Y)</translation>
    </message>
    <message>
        <source>Switching to synchronous replication…</source>
        <translation>同期レプリケーションに切り替えています…</translation>
    </message>
    <message>
        <source>Make replication &amp;asynchronous</source>
        <translation>非同期レプリケーションにする(&amp;A)</translation>
    </message>
    <message>
        <source>Switching to asynchronous replication…</source>
        <translation>非同期レプリケーションに切り替えています…</translation>
    </message>
    <message>
        <source>Pro&amp;mote the standby</source>
        <translation>スタンバイを昇格(&amp;M)</translation>
    </message>
    <message>
        <source>Promoting the standby…</source>
        <translation>スタンバイを昇格しています…</translation>
    </message>
    <message>
        <source>Reset to a &amp;fresh pair</source>
        <translation>新しいペアにリセット(&amp;F)</translation>
    </message>
    <message>
        <source>Reset the sandbox?</source>
        <translation>サンドボックスをリセットしますか？</translation>
    </message>
    <message>
        <source>Both servers of the demo sandbox and every row written in them are removed, and a fresh primary and standby are made.</source>
        <translation>デモ用サンドボックスの両方のサーバと、そこに書き込んだすべての行を削除し、新しいプライマリとスタンバイを作成します。</translation>
    </message>
    <message>
        <source>Making a fresh pair…</source>
        <translation>新しいペアを作成しています…</translation>
    </message>
    <message>
        <source>S&amp;hut down</source>
        <translation>シャットダウン(&amp;H)</translation>
    </message>
    <message>
        <source>Stopping both servers…</source>
        <translation>両方のサーバを停止しています…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Show the &amp;cluster list</source>
        <translation>クラスタ一覧を表示(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全画面表示(&amp;F)</translation>
    </message>
    <message>
        <source>Go to tab %1</source>
        <translation>タブ %1 に移動</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Replica Studio</source>
        <translation>Replica Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Show Replica Studio</source>
        <translation>Replica Studio を表示</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Replica Studio keeps watching</source>
        <translation>Replica Studio は監視を続けています</translation>
    </message>
    <message>
        <source>The replication panel goes on sampling in the background. Choose Quit to stop.</source>
        <translation>レプリケーションパネルはバックグラウンドで状態の取得を続けます。停止するには「終了」を選んでください。</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>レプリケーション</translation>
    </message>
    <message>
        <source>Replica Studio: %1</source>
        <translation>Replica Studio: %1</translation>
    </message>
    <message>
        <source>No SSH tunnel to %1: %2 Press F5 to try again.</source>
        <translation>%1 への SSH トンネルを開けません: %2 F5 キーで再試行できます。</translation>
    </message>
    <message>
        <source>Opening SSH tunnels to the servers…</source>
        <translation>サーバへの SSH トンネルを開いています…</translation>
    </message>
    <message>
        <source>%1: connected</source>
        <translation>%1: 接続済み</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: 接続中…</translation>
    </message>
    <message>
        <source>%1: not answering</source>
        <translation>%1: 応答なし</translation>
    </message>
    <message>
        <source>sampled %1</source>
        <translation>取得時刻 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>All clear: every alert of %1 has cleared.</source>
        <translation>正常: %1 のアラートはすべて解消されました。</translation>
    </message>
    <message>
        <source>Making the demo sandbox…</source>
        <translation>デモ用サンドボックスを作成しています…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失敗しました: %2</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>サンドボックス</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>新しいクラスタ</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 を削除しますか？</translation>
    </message>
    <message>
        <source>The saved cluster %1 and its password in the keychain are removed from this program. Nothing changes on its servers.</source>
        <translation>保存したクラスタ %1 と、キーチェーン内のそのパスワードをこのプログラムから削除します。サーバ側は何も変更されません。</translation>
    </message>
    <message>
        <source>Cluster not removed</source>
        <translation>クラスタを削除できませんでした</translation>
    </message>
    <message>
        <source>Export cluster profile</source>
        <translation>クラスタプロファイルのエクスポート</translation>
    </message>
    <message>
        <source>Cluster profiles (*.json)</source>
        <translation>クラスタプロファイル (*.json)</translation>
    </message>
    <message>
        <source>Profile not exported</source>
        <translation>プロファイルをエクスポートできませんでした</translation>
    </message>
    <message>
        <source>Exported to %1 (without its password).</source>
        <translation>%1 にエクスポートしました（パスワードは含みません）。</translation>
    </message>
    <message>
        <source>Import cluster profile</source>
        <translation>クラスタプロファイルのインポート</translation>
    </message>
    <message>
        <source>Profile not imported</source>
        <translation>プロファイルをインポートできませんでした</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>PostgreSQL on %1: %2</source>
        <translation>%1 の PostgreSQL: %2</translation>
    </message>
    <message>
        <source>About Replica Studio</source>
        <translation>Replica Studio について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Replica Studio %1&lt;/h3&gt;&lt;p&gt;Sets up, watches and teaches PostgreSQL streaming replication.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Replica Studio %1&lt;/h3&gt;&lt;p&gt;PostgreSQL ストリーミングレプリケーションの構築・監視・学習を行います。&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The &amp;lesson</source>
        <translation>レッスン(&amp;L)</translation>
    </message>
    <message>
        <source>The replication &amp;lesson on the demo sandbox</source>
        <translation>デモ用サンドボックスでのレプリケーションのレッスン(&amp;L)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>サーバ</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>The lesson runs on the demo sandbox: start it first (Sandbox &gt; Start the demo sandbox).</source>
        <translation>レッスンはデモ用サンドボックスで行います。先に起動してください（サンドボックス &gt; デモ用サンドボックスを起動）。</translation>
    </message>
    <message>
        <source>The console is still running a statement: wait for it, or cancel it with Esc.</source>
        <translation>コンソールはまだ文を実行中です。終わるまで待つか、Esc キーで取り消してください。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>取り消されました。</translation>
    </message>
    <message>
        <source>Lesson: working on the sandbox…</source>
        <translation>レッスン: サンドボックスを操作しています…</translation>
    </message>
    <message>
        <source>Another sandbox operation is running: wait for it to end.</source>
        <translation>別のサンドボックス操作を実行中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 と %2</translation>
    </message>
    <message>
        <source>The sandbox has no server named %1 now: reset it (Sandbox &gt; Reset to a fresh pair) and run the step again.</source>
        <translation>サンドボックスには現在 %1 という名前のサーバがありません。サンドボックスをリセットして（サンドボックス &gt; 新しいペアにリセット）、もう一度このステップを実行してください。</translation>
    </message>
</context>
<context>
    <name>MonitoredServer</name>
    <message>
        <source>No running PostgreSQL cluster was found on %1.</source>
        <translation>%1 で稼働中の PostgreSQL クラスタが見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>MonitoringRoleStep</name>
    <message>
        <source>Monitoring role &quot;%1&quot;</source>
        <translation>監視用ロール &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The replication panel connects as %1: it may log in and read what pg_monitor may read, and change nothing. Its %2 password is kept in the postgres user&apos;s passfile on the primary (0600), and by the program in the system&apos;s keychain.</source>
        <translation>レプリケーションパネルは %1 として接続します。このロールはログインと、pg_monitor が読めるものの読み取りだけができ、何も変更できません。%2 パスワードは、プライマリの postgres ユーザのパスワードファイル（0600）に保存され、このプログラムによってシステムのキーチェーンにも保存されます。</translation>
    </message>
    <message>
        <source>Create the role: CREATE ROLE %1 LOGIN PASSWORD &apos;&lt;verifier&gt;&apos; IN ROLE pg_monitor (or, when it exists, ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION and GRANT pg_monitor).</source>
        <translation>ロールを作成します: CREATE ROLE %1 LOGIN PASSWORD &apos;&lt;verifier&gt;&apos; IN ROLE pg_monitor（すでにある場合は ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION と GRANT pg_monitor）。</translation>
    </message>
    <message>
        <source>the SQL with the password&apos;s %1 verifier</source>
        <translation>パスワードの %1 ベリファイアを含む SQL</translation>
    </message>
    <message>
        <source>A password was generated for %1; it is kept in the postgres user&apos;s passfile on the primary (0600).</source>
        <translation>%1 のパスワードを生成しました。プライマリの postgres ユーザのパスワードファイル（0600）に保存されています。</translation>
    </message>
</context>
<context>
    <name>PairFindings</name>
    <message>
        <source>On the %1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No PostgreSQL is installed on the %1. Choose &quot;Install the PostgreSQL packages&quot; on the Choices page, or install the server package of the major you want there first.</source>
        <translation>%1に PostgreSQL がインストールされていません。「選択」ページで「PostgreSQL のパッケージをインストールする」を選ぶか、先に使いたいメジャーバージョンのサーバーパッケージをインストールしてください。</translation>
    </message>
    <message>
        <source>The login user on the %1 cannot become root. Log in as root, or as a user who may use sudo (give the sudo password on the Machines page).</source>
        <translation>%1のログインユーザーは root になれません。root でログインするか、sudo を使えるユーザーでログインしてください(sudo のパスワードは「マシン」ページで入力します)。</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>プライマリ</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>スタンバイ</translation>
    </message>
    <message>
        <source>The two hosts have no PostgreSQL major in common. Install the primary&apos;s major on the standby (or choose &quot;Install the PostgreSQL packages&quot;).</source>
        <translation>2 台のホストに共通の PostgreSQL メジャーバージョンがありません。プライマリのメジャーバージョンをスタンバイにインストールしてください(または「PostgreSQL のパッケージをインストールする」を選んでください)。</translation>
    </message>
    <message>
        <source>The standby has less than 1 GB free for the copy of the primary. Free some space on it first.</source>
        <translation>スタンバイにはプライマリの複製用の空きが 1 GB 未満しかありません。先に空き容量を確保してください。</translation>
    </message>
    <message>
        <source>The clocks of the two hosts differ by %1 s: lag times would be off. Synchronise them (NTP).</source>
        <translation>2 台のホストの時刻が %1 秒ずれています。遅延時間が正しく表示されません。NTP で時刻を合わせてください。</translation>
    </message>
</context>
<context>
    <name>PgBinaries</name>
    <message>
        <source>No PostgreSQL server is installed here. Install one (for example: apt-get install postgresql-15) or give the folder of its programs with --pg-bin.</source>
        <translation>このマシンには PostgreSQL サーバがインストールされていません。インストールするか（例: apt-get install postgresql-15）、そのプログラムのあるフォルダを --pg-bin で指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 given with --pg-bin does not exist. Give the bin folder of a PostgreSQL installation, such as /usr/lib/postgresql/15/bin.</source>
        <translation>--pg-bin で指定したフォルダ %1 は存在しません。/usr/lib/postgresql/15/bin のような、PostgreSQL インストール先の bin フォルダを指定してください。</translation>
    </message>
    <message>
        <source>%1 given with --pg-bin is a file, not a folder. Give the bin folder of a PostgreSQL installation, such as /usr/lib/postgresql/15/bin.</source>
        <translation>--pg-bin で指定した %1 はフォルダではなくファイルです。/usr/lib/postgresql/15/bin のような、PostgreSQL インストール先の bin フォルダを指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 given with --pg-bin holds no initdb, postgres and pg_ctl. Give the bin folder of a PostgreSQL installation, such as /usr/lib/postgresql/15/bin.</source>
        <translation>--pg-bin で指定したフォルダ %1 には initdb、postgres、pg_ctl がありません。/usr/lib/postgresql/15/bin のような、PostgreSQL インストール先の bin フォルダを指定してください。</translation>
    </message>
    <message>
        <source>run %1 --version</source>
        <translation>%1 --version を実行</translation>
    </message>
    <message>
        <source>%1 did not report a PostgreSQL version this program knows.</source>
        <translation>%1 は、このプログラムが対応している PostgreSQL のバージョンを報告しませんでした。</translation>
    </message>
    <message>
        <source>The PostgreSQL %1 programs in %2 come without psql, and no psql is installed here. Install postgresql-client-%1 (or any postgresql-client), or give --pg-bin a folder that has psql too.</source>
        <translation>%2 にある PostgreSQL %1 のプログラムには psql が含まれておらず、このマシンにも psql がインストールされていません。postgresql-client-%1（またはいずれかの postgresql-client）をインストールするか、psql もあるフォルダを --pg-bin に指定してください。</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>The server at %1 refused the password for user &quot;%2&quot;. Check the password (or the ~/.pgpass entry) and try again.</source>
        <translation>%1 のサーバがユーザ &quot;%2&quot; のパスワードを拒否しました。パスワード（または ~/.pgpass のエントリ）を確認して、もう一度試してください。</translation>
    </message>
    <message>
        <source>The server at %1 asks user &quot;%2&quot; for a password and none was given. Enter the password, or add it to a passfile (~/.pgpass, mode 0600).</source>
        <translation>%1 のサーバがユーザ &quot;%2&quot; にパスワードを要求しましたが、指定されていません。パスワードを入力するか、パスワードファイル（~/.pgpass、モード 0600）に追加してください。</translation>
    </message>
    <message>
        <source>The server at %1 has no pg_hba.conf line that lets user &quot;%2&quot; connect to database &quot;%3&quot; from this address. Add a line for this client to pg_hba.conf on the server and reload it (SELECT pg_reload_conf()).</source>
        <translation>%1 のサーバの pg_hba.conf に、このアドレスからユーザ &quot;%2&quot; がデータベース &quot;%3&quot; に接続することを許可する行がありません。サーバの pg_hba.conf にこのクライアント用の行を追加し、リロード（SELECT pg_reload_conf()）してください。</translation>
    </message>
    <message>
        <source>The server at %1 has no role named &quot;%2&quot;. Connect as an existing user, or create the role first.</source>
        <translation>%1 のサーバに &quot;%2&quot; という名前のロールはありません。既存のユーザで接続するか、先にロールを作成してください。</translation>
    </message>
    <message>
        <source>The server at %1 has no database named &quot;%2&quot;. Connect to an existing database (such as postgres), or create it first.</source>
        <translation>%1 のサーバに &quot;%2&quot; という名前のデータベースはありません。既存のデータベース（postgres など）に接続するか、先に作成してください。</translation>
    </message>
    <message>
        <source>The server at %1 is starting up or shutting down and does not accept connections yet. Wait a moment and connect again.</source>
        <translation>%1 のサーバは起動中または停止中で、まだ接続を受け付けていません。少し待ってから再接続してください。</translation>
    </message>
    <message>
        <source>The server at %1 has no free connection slot (max_connections is reached). Close other sessions or raise max_connections, then connect again.</source>
        <translation>%1 のサーバには空きの接続枠がありません（max_connections に到達）。他のセッションを閉じるか max_connections を増やしてから、再接続してください。</translation>
    </message>
    <message>
        <source>The host name in %1 could not be resolved. Check the spelling, or use the server&apos;s IP address.</source>
        <translation>%1 のホスト名を解決できませんでした。綴りを確認するか、サーバの IP アドレスを使ってください。</translation>
    </message>
    <message>
        <source>No PostgreSQL server is listening at %1. Start the server (or check that it listens on this address and port: listen_addresses, port), then connect again.</source>
        <translation>%1 で待ち受けている PostgreSQL サーバがありません。サーバを起動して（またはこのアドレスとポートで待ち受けているか listen_addresses、port を確認して）から、再接続してください。</translation>
    </message>
    <message>
        <source>The server at %1 does not answer. Check the address and port, that the machine is up, and that no firewall drops the connection.</source>
        <translation>%1 のサーバが応答しません。アドレスとポート、マシンが稼働していること、ファイアウォールが接続を破棄していないことを確認してください。</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; may not connect to database &quot;%2&quot; on %3. Grant CONNECT on the database to this user, or connect as another user.</source>
        <translation>ユーザ &quot;%1&quot; は %3 のデータベース &quot;%2&quot; に接続できません。このユーザにデータベースの CONNECT 権限を付与するか、別のユーザで接続してください。</translation>
    </message>
    <message>
        <source>Could not connect to the server at %1: %2</source>
        <translation>%1 のサーバに接続できませんでした: %2</translation>
    </message>
    <message>
        <source>The connection was reopened before the query ran.</source>
        <translation>問い合わせの実行前に接続が開き直されました。</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1. Write it as key=value pairs (host=... port=... user=... dbname=...) or as a postgresql:// URI.</source>
        <translation>接続文字列が不正です: %1。key=value の組（host=... port=... user=... dbname=...）または postgresql:// URI で書いてください。</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved. Check the spelling, or use the server&apos;s IP address.</source>
        <translation>ホスト名 &quot;%1&quot; を解決できませんでした。綴りを確認するか、サーバの IP アドレスを使ってください。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>メモリ不足です。</translation>
    </message>
    <message>
        <source>Could not start a connection: out of memory.</source>
        <translation>接続を開始できませんでした: メモリ不足です。</translation>
    </message>
    <message>
        <source>timeout expired after %1 ms</source>
        <translation>%1 ミリ秒でタイムアウトしました</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds. Check the address and port, that the machine is up, and that no firewall drops the connection.</source>
        <translation>%1 のサーバが %2 秒以内に応答しませんでした。アドレスとポート、マシンが稼働していること、ファイアウォールが接続を破棄していないことを確認してください。</translation>
    </message>
    <message>
        <source>connection is not open</source>
        <translation>接続が開かれていません</translation>
    </message>
    <message>
        <source>The query was not sent: there is no open connection to the server. Connect first.</source>
        <translation>問い合わせを送信していません。サーバへの接続が開かれていません。先に接続してください。</translation>
    </message>
    <message>
        <source>The query could not be sent: %1</source>
        <translation>問い合わせを送信できませんでした: %1</translation>
    </message>
    <message>
        <source>The query failed.</source>
        <translation>問い合わせが失敗しました。</translation>
    </message>
    <message>
        <source>The connection to the server at %1 was lost: the server stopped, restarted or closed the session. Check that the server is running, then connect again.</source>
        <translation>%1 のサーバとの接続が失われました。サーバが停止、再起動したか、セッションを閉じました。サーバが稼働していることを確認してから、再接続してください。</translation>
    </message>
    <message>
        <source>canceling statement due to user request</source>
        <translation>ユーザからの要求により文をキャンセルしています</translation>
    </message>
    <message>
        <source>The query was cancelled before it ran.</source>
        <translation>問い合わせは実行前に取り消されました。</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>接続が閉じられました</translation>
    </message>
    <message>
        <source>The query did not finish: the connection was closed.</source>
        <translation>問い合わせは完了しませんでした。接続が閉じられました。</translation>
    </message>
    <message>
        <source>COPY output</source>
        <translation>COPY の出力</translation>
    </message>
</context>
<context>
    <name>PgErrorExplanation</name>
    <message>
        <source>This server is a hot standby: it replays the primary&apos;s WAL and accepts reads only. Send writes (INSERT, UPDATE, DELETE, DDL) to the primary; the change then reaches this standby through replication within moments.</source>
        <translation>このサーバはホットスタンバイです。プライマリの WAL を再生しており、読み取りだけを受け付けます。書き込み（INSERT、UPDATE、DELETE、DDL）はプライマリに送ってください。その変更はレプリケーションによってすぐにこのスタンバイにも届きます。</translation>
    </message>
    <message>
        <source>The standby cancelled this query because replaying the primary&apos;s changes needed rows or a lock the query was using. Replay waits at most max_standby_streaming_delay (30 s by default) before it cancels queries; raising it lets long reads finish but lets the standby fall behind. hot_standby_feedback = on asks the primary to keep the rows the standby still reads, at the cost of bloat on the primary. Run the query again.</source>
        <translation>プライマリの変更を再生するために、このクエリが使っていた行またはロックが必要になったので、スタンバイがこのクエリをキャンセルしました。再生は最大 max_standby_streaming_delay（既定は 30 秒）待ってからクエリをキャンセルします。この値を大きくすると長い読み取りは完了できますが、スタンバイの遅れが大きくなります。hot_standby_feedback = on にすると、スタンバイがまだ読んでいる行を残すようプライマリに伝えますが、その分プライマリで肥大化（bloat）が起きます。クエリをもう一度実行してください。</translation>
    </message>
    <message>
        <source>This function changes WAL or the server&apos;s state, which only a primary can do (for example pg_switch_wal, pg_create_restore_point, pg_current_wal_lsn). A standby stays in recovery until it is promoted: run it on the primary, or use the standby&apos;s own functions (pg_last_wal_receive_lsn, pg_last_wal_replay_lsn).</source>
        <translation>この関数は WAL やサーバの状態を変更するもので、プライマリでしか実行できません（例: pg_switch_wal、pg_create_restore_point、pg_current_wal_lsn）。スタンバイは昇格するまでリカバリ中のままです。プライマリで実行するか、スタンバイ用の関数（pg_last_wal_receive_lsn、pg_last_wal_replay_lsn）を使ってください。</translation>
    </message>
    <message>
        <source>COPY FROM STDIN needs data sent from the client, which the console does not do. Use psql&apos;s \copy, INSERT ... VALUES, or COPY FROM a file on the server.</source>
        <translation>COPY FROM STDIN にはクライアントから送るデータが必要ですが、コンソールはデータを送りません。psql の \copy、INSERT ... VALUES、またはサーバ上のファイルからの COPY FROM を使ってください。</translation>
    </message>
    <message>
        <source>The statement was cancelled. What it had changed is rolled back; nothing of it is kept.</source>
        <translation>文はキャンセルされました。この文による変更はロールバックされ、何も残りません。</translation>
    </message>
    <message>
        <source>The connection to this server is gone or could not be made: the server stopped, restarted or was promoted, or an administrator ended the session (pg_terminate_backend). Work that was not committed is rolled back. Once the server is up, run the statement again: the console connects anew.</source>
        <translation>このサーバへの接続が切れたか、接続できませんでした。サーバが停止・再起動・昇格したか、管理者がセッションを終了しました（pg_terminate_backend）。コミットされていない作業はロールバックされています。サーバが起動したら文をもう一度実行してください。コンソールが接続し直します。</translation>
    </message>
</context>
<context>
    <name>PgHbaConfLexer</name>
    <message>
        <source>Default</source>
        <translation>デフォルト</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>接続の種類</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Authentication method</source>
        <translation>認証方式</translation>
    </message>
    <message>
        <source>Authentication option</source>
        <translation>認証オプション</translation>
    </message>
    <message>
        <source>Include directive</source>
        <translation>インクルード指定</translation>
    </message>
</context>
<context>
    <name>PgInstallation</name>
    <message>
        <source>PostgreSQL %1 in %2 (the directory you named)</source>
        <translation>%2 にある PostgreSQL %1（指定したディレクトリ）</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 (the distribution&apos;s packages)</source>
        <translation>%2 にある PostgreSQL %1（ディストリビューションのパッケージ）</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 (a source build or vendor installation)</source>
        <translation>%2 にある PostgreSQL %1（ソースビルドまたはベンダー提供のインストール）</translation>
    </message>
    <message>
        <source>PostgreSQL %1 in %2 (found on the PATH)</source>
        <translation>%2 にある PostgreSQL %1（PATH 上で検出）</translation>
    </message>
    <message>
        <source>, without psql and pg_basebackup beside it</source>
        <translation>、psql と pg_basebackup は同じ場所にありません</translation>
    </message>
</context>
<context>
    <name>PlanChoices</name>
    <message>
        <source>The %1 &quot;%2&quot; must be an absolute path without newlines or single quotes.</source>
        <translation>%1 &quot;%2&quot; は、改行や単一引用符を含まない絶対パスでなければなりません。</translation>
    </message>
    <message>
        <source>Name both hosts: the primary and the standby, as USER@HOST[:PORT].</source>
        <translation>プライマリとスタンバイの両方のホストを USER@HOST[:PORT] の形式で指定してください。</translation>
    </message>
    <message>
        <source>The primary and the standby are the same host (%1). Choose two different machines.</source>
        <translation>プライマリとスタンバイが同じホスト（%1）です。別々のマシンを選んでください。</translation>
    </message>
    <message>
        <source>Choose a PostgreSQL major version from 9.3 to 18.</source>
        <translation>PostgreSQL のメジャーバージョンを 9.3 から 18 の中から選んでください。</translation>
    </message>
    <message>
        <source>The slot name &quot;%1&quot; may hold only lower-case letters, digits and underscores (at most 63).</source>
        <translation>スロット名 &quot;%1&quot; に使えるのは小文字の英字、数字、アンダースコアだけです（最大 63 文字）。</translation>
    </message>
    <message>
        <source>The application_name &quot;%1&quot; may hold only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 63).</source>
        <translation>application_name &quot;%1&quot; に使えるのは英字、数字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos; だけです（最大 63 文字）。</translation>
    </message>
    <message>
        <source>The replication role &quot;%1&quot; may hold only lower-case letters, digits and underscores.</source>
        <translation>レプリケーション用ロール &quot;%1&quot; に使えるのは小文字の英字、数字、アンダースコアだけです。</translation>
    </message>
    <message>
        <source>The authentication method &quot;%1&quot; is not offered: choose scram-sha-256 or md5.</source>
        <translation>認証方式 &quot;%1&quot; は選べません。scram-sha-256 か md5 を選んでください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no scram-sha-256 (it came with 10): choose md5.</source>
        <translation>PostgreSQL %1 には scram-sha-256 がありません（10 で導入）。md5 を選んでください。</translation>
    </message>
    <message>
        <source>The PostgreSQL port %1 must be between 1 and 65535.</source>
        <translation>PostgreSQL のポート %1 は 1 から 65535 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The cluster name &quot;%1&quot; may hold only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>クラスタ名 &quot;%1&quot; に使えるのは英字、数字、&apos;_&apos;、&apos;.&apos;、&apos;-&apos; だけです。</translation>
    </message>
    <message>
        <source>primary&apos;s data directory</source>
        <translation>プライマリのデータディレクトリ</translation>
    </message>
    <message>
        <source>standby&apos;s data directory</source>
        <translation>スタンバイのデータディレクトリ</translation>
    </message>
    <message>
        <source>archive directory</source>
        <translation>アーカイブディレクトリ</translation>
    </message>
    <message>
        <source>The WAL sizes kept for standbys must be zero or more megabytes.</source>
        <translation>スタンバイ用に保持する WAL のサイズは 0 MB 以上にしてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or IP address.</source>
        <translation>&quot;%1&quot; はホスト名でも IP アドレスでもありません。</translation>
    </message>
    <message>
        <source>The plan names no PostgreSQL version it can use (&quot;%1&quot;).</source>
        <translation>プランに使える PostgreSQL のバージョンが指定されていません（&quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>The standby&apos;s address &quot;%1&quot; must be an IP address: pg_hba.conf takes it as %1/32, and PostgreSQL refuses a host name there. Give the address the primary sees the standby connect from.</source>
        <translation>スタンバイのアドレス &quot;%1&quot; は IP アドレスにしてください。pg_hba.conf には %1/32 として書かれ、PostgreSQL はそこにホスト名を受け付けません。プライマリから見た、スタンバイの接続元アドレスを指定してください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 cannot let a commit wait for any of several standbys (ANY came with 10): name them in order instead.</source>
        <translation>PostgreSQL %1 では、複数のスタンバイのいずれかをコミットが待つ設定 (ANY は 10 から) はできません。順番に名前を並べてください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 lets a commit wait for one standby only (more came with 9.6).</source>
        <translation>PostgreSQL %1 では、コミットが待てるスタンバイは 1 台だけです (複数は 9.6 から)。</translation>
    </message>
    <message>
        <source>The number of standbys a commit waits for must be from 1 to 100, not %1.</source>
        <translation>コミットが待つスタンバイの数は 1 から 100 の間で指定してください (%1 は指定できません)。</translation>
    </message>
    <message>
        <source>primary&apos;s PostgreSQL program directory</source>
        <translation>プライマリの PostgreSQL プログラムディレクトリ</translation>
    </message>
    <message>
        <source>standby&apos;s PostgreSQL program directory</source>
        <translation>スタンバイの PostgreSQL プログラムディレクトリ</translation>
    </message>
    <message>
        <source>The monitoring role &quot;%1&quot; may hold only lower-case letters, digits and underscores, and must not be the replication role.</source>
        <translation>監視用ロール &quot;%1&quot; に使えるのは小文字の英字、数字、アンダースコアだけです。また、レプリケーション用ロールと同じ名前にはできません。</translation>
    </message>
</context>
<context>
    <name>PlanPreparation</name>
    <message>
        <source>Looking at %1: the system, PostgreSQL, its clusters and free disk.</source>
        <translation>%1 を調査中: システム、PostgreSQL、クラスタ、ディスクの空き。</translation>
    </message>
    <message>
        <source>Checking that the standby reaches the primary at %1:%2.</source>
        <translation>スタンバイからプライマリ %1:%2 に届くか確認中。</translation>
    </message>
    <message>
        <source>Looking at the hosts was cancelled.</source>
        <translation>ホストの調査は取り消されました。</translation>
    </message>
    <message>
        <source>The standby reaches the primary at %1:%2.</source>
        <translation>スタンバイからプライマリ %1:%2 に接続できます。</translation>
    </message>
</context>
<context>
    <name>PlanRunner</name>
    <message>
        <source>Once this is corrected, run the same plan again: the steps already done are skipped.</source>
        <translation>これを修正したら、同じプランをもう一度実行してください。完了済みのステップは飛ばされます。</translation>
    </message>
    <message>
        <source>== %1. %2</source>
        <translation>== %1. %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>取り消されました。</translation>
    </message>
    <message>
        <source>Already done: %1</source>
        <translation>実施済み: %1</translation>
    </message>
    <message>
        <source>Could not restore every file of this step: %1</source>
        <translation>このステップのファイルをすべては元に戻せませんでした: %1</translation>
    </message>
    <message>
        <source>Cancelled during &quot;%1&quot;; the commands it had started on the hosts were ended. Run the same plan again to go on: the steps already done are skipped.</source>
        <translation>&quot;%1&quot; の実行中に取り消されました。そのステップがホスト上で開始したコマンドは終了させました。続けるには同じプランをもう一度実行してください。完了済みのステップは飛ばされます。</translation>
    </message>
    <message>
        <source>Claim both hosts for this run</source>
        <translation>この実行のために両方のホストを確保</translation>
    </message>
    <message>
        <source>&quot;%1&quot; reported a failure, but what it does is in place now: counted as done. (%2)</source>
        <translation>&quot;%1&quot; は失敗を報告しましたが、その処理の結果はすでに反映されているため、完了として扱います。（%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in place, so the steps after it cannot go on safely; nothing was changed. Run the plan from step %2.</source>
        <translation>「%1」が完了していないため、その後のステップを安全に進められません。何も変更していません。ステップ %2 からプランを実行してください。</translation>
    </message>
    <message>
        <source>Stopped after step %1 as asked; run the plan from step %2 to go on.</source>
        <translation>指定どおりステップ %1 の後で停止しました。続けるにはステップ %2 からプランを実行してください。</translation>
    </message>
    <message>
        <source>Step %1 is done (it ran while the next steps went on): %2</source>
        <translation>ステップ %1 が完了しました（後続のステップと並行して実行しました）: %2</translation>
    </message>
</context>
<context>
    <name>PostgresJudge</name>
    <message>
        <source>make a scratch folder for postgres -C</source>
        <translation>postgres -C 用の作業フォルダを作成</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s own check of %1 could not run: %2</source>
        <translation>PostgreSQL 自身による %1 の検査を実行できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>PostgresqlConfLexer</name>
    <message>
        <source>Default</source>
        <translation>デフォルト</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Setting name</source>
        <translation>パラメータ名</translation>
    </message>
    <message>
        <source>Equals sign</source>
        <translation>等号</translation>
    </message>
    <message>
        <source>Quoted string</source>
        <translation>引用符付き文字列</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>単語</translation>
    </message>
    <message>
        <source>Include directive</source>
        <translation>インクルード指定</translation>
    </message>
    <message>
        <source>Syntax error</source>
        <translation>構文エラー</translation>
    </message>
</context>
<context>
    <name>PrimaryClusterStep</name>
    <message>
        <source>Use the primary&apos;s cluster</source>
        <translation>プライマリの既存のクラスタを使う</translation>
    </message>
    <message>
        <source>Create the primary&apos;s cluster</source>
        <translation>プライマリのクラスタを作成</translation>
    </message>
    <message>
        <source>The primary already has a PostgreSQL %1 cluster in %2; it must be running.</source>
        <translation>プライマリには %2 に PostgreSQL %1 のクラスタがすでにあります。稼働している必要があります。</translation>
    </message>
    <message>
        <source>start the primary</source>
        <translation>プライマリを起動</translation>
    </message>
    <message>
        <source>The primary has no PostgreSQL %1 cluster yet: one is created in %2. It starts later, once its replication settings are written, so that it never needs a restart.</source>
        <translation>プライマリにはまだ PostgreSQL %1 のクラスタがありません。%2 に作成します。起動はレプリケーション設定を書き込んだ後に行うため、再起動は不要です。</translation>
    </message>
</context>
<context>
    <name>PrimaryConfStep</name>
    <message>
        <source>Replication settings in the primary&apos;s postgresql.conf</source>
        <translation>プライマリの postgresql.conf にあるレプリケーション関連の設定</translation>
    </message>
    <message>
        <source>The primary must write enough WAL for a standby (wal_level = %1), accept WAL sender connections, keep WAL for a standby that falls behind and archive it.</source>
        <translation>プライマリは、スタンバイに十分な WAL を出力し（wal_level = %1）、WAL 送信プロセスへの接続を受け付け、遅れたスタンバイのために WAL を保持してアーカイブする必要があります。</translation>
    </message>
    <message>
        <source>max_slot_wal_keep_size caps the WAL a slot may hold back, so that a standby that goes away cannot fill the primary&apos;s disk.</source>
        <translation>max_slot_wal_keep_size はスロットが保持できる WAL の量に上限を設け、いなくなったスタンバイがプライマリのディスクを使い切らないようにします。</translation>
    </message>
    <message>
        <source>Create the WAL archive directory, readable by postgres only.</source>
        <translation>postgres だけが読める WAL アーカイブ用ディレクトリを作成します。</translation>
    </message>
    <message>
        <source>Let PostgreSQL read the new file and print each setting back (one run per setting); a file it refuses is restored.</source>
        <translation>PostgreSQL に新しいファイルを読ませ、各パラメータの値を出力させます（パラメータごとに1回実行）。拒否されたファイルは元に戻します。</translation>
    </message>
    <message>
        <source>PostgreSQL refused the new configuration on the %1: %2</source>
        <translation>%1 の PostgreSQL が新しい設定を拒否しました: %2</translation>
    </message>
    <message>
        <source>On the %1, PostgreSQL reads %2 = %3, not %4: another file (postgresql.auto.conf after ALTER SYSTEM, or an include) sets it later. Remove that setting (ALTER SYSTEM RESET %2) and run the setup again.</source>
        <translation>%1 の PostgreSQL では %2 = %3 と読まれ、%4 になっていません。別のファイル（ALTER SYSTEM 後の postgresql.auto.conf や include したファイル）が後から設定しています。その設定を削除して（ALTER SYSTEM RESET %2）、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>create the archive directory</source>
        <translation>アーカイブディレクトリを作成</translation>
    </message>
    <message>
        <source>%1 Replication cannot work with %2 = &apos;%3&apos;: change it there (ALTER SYSTEM RESET %2 on the primary for postgresql.auto.conf), then plan again.</source>
        <translation>%1 %2 = &apos;%3&apos; ではレプリケーションが動作しません。そのファイルで変更してから（postgresql.auto.conf の場合はプライマリで ALTER SYSTEM RESET %2）、プランを作り直してください。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注: %1</translation>
    </message>
</context>
<context>
    <name>PrimaryHbaStep</name>
    <message>
        <source>Let the standby in: pg_hba.conf on the primary</source>
        <translation>スタンバイの接続を許可: プライマリの pg_hba.conf</translation>
    </message>
    <message>
        <source>Only the standby&apos;s own address (%1) may open replication connections, as %2, with %3.</source>
        <translation>レプリケーション接続を開けるのは、スタンバイ自身のアドレス（%1）から %2 として、%3 で認証する場合だけです。</translation>
    </message>
    <message>
        <source>The edited pg_hba.conf no longer lets the standby in. Keep a line like &quot;%1&quot;.</source>
        <translation>編集後の pg_hba.conf ではスタンバイが接続できません。&quot;%1&quot; のような行を残してください。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Ask the server to read the new file (pg_hba_file_rules) before it takes effect; a file with an error on any line is restored and the server is not reloaded.</source>
        <translation>反映する前に、新しいファイルをサーバに読ませます（pg_hba_file_rules）。いずれかの行にエラーがあるファイルは元に戻し、サーバはリロードしません。</translation>
    </message>
</context>
<context>
    <name>PrimaryRestartStep</name>
    <message>
        <source>Restart the primary with the new settings</source>
        <translation>新しい設定でプライマリを再起動</translation>
    </message>
    <message>
        <source>%1 take effect only after a restart; the others after a reload. The restart is skipped when the running server has them already.</source>
        <translation>%1 は再起動後に、その他はリロード後に反映されます。稼働中のサーバにすでに反映されている場合、再起動は省略します。</translation>
    </message>
    <message>
        <source>Restarting the primary for: %1</source>
        <translation>次の設定のためにプライマリを再起動します: %1</translation>
    </message>
    <message>
        <source>the primary does not run with the new settings after the restart. Look at its log file.</source>
        <translation>再起動後のプライマリが新しい設定で動いていません。ログファイルを確認してください。</translation>
    </message>
    <message>
        <source>Start the primary with the new settings</source>
        <translation>新しい設定でプライマリを起動</translation>
    </message>
    <message>
        <source>The cluster created by this plan starts for the first time, with the replication settings and the standby&apos;s pg_hba.conf line already in its files: no restart is needed.</source>
        <translation>このプランで作成したクラスタを初めて起動します。レプリケーション設定とスタンバイ用の pg_hba.conf の行はすでにファイルに書かれているため、再起動は不要です。</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Replication alerts</source>
        <translation>レプリケーションのアラート</translation>
    </message>
</context>
<context>
    <name>QueryConsole</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Run the statement under the cursor, or the selected text</source>
        <translation>カーソル位置の文、または選択したテキストを実行します</translation>
    </message>
    <message>
        <source>Run Script</source>
        <translation>スクリプトを実行</translation>
    </message>
    <message>
        <source>Run every statement in the editor, one after the other</source>
        <translation>エディタ内のすべての文を順に実行します</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the running statement</source>
        <translation>実行中の文をキャンセルします</translation>
    </message>
    <message>
        <source>Results appear here, one tab per statement.
Ctrl+Enter runs the statement under the cursor; Ctrl+Shift+Enter runs the whole script.</source>
        <translation>結果はここに、文ごとに 1 つのタブで表示されます。
Ctrl+Enter でカーソル位置の文を、Ctrl+Shift+Enter でスクリプト全体を実行します。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバ(&amp;S):</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Statements run before on this cluster</source>
        <translation>このクラスタでこれまでに実行した文</translation>
    </message>
    <message>
        <source>Read-only standby</source>
        <translation>読み取り専用スタンバイ</translation>
    </message>
    <message>
        <source>Primary: reads and writes</source>
        <translation>プライマリ: 読み書き可</translation>
    </message>
    <message>
        <source>This server is a hot standby. It answers reads; a write fails with SQLSTATE 25006. Send writes to the primary.</source>
        <translation>このサーバはホットスタンバイです。読み取りには応答しますが、書き込みは SQLSTATE 25006 で失敗します。書き込みはプライマリに送ってください。</translation>
    </message>
    <message>
        <source>This server is the primary: writes made here reach the standbys.</source>
        <translation>このサーバはプライマリです。ここでの書き込みはスタンバイに届きます。</translation>
    </message>
    <message>
        <source>%1 Error</source>
        <translation>%1 エラー</translation>
    </message>
    <message>
        <source>No statements run yet on this cluster.</source>
        <translation>このクラスタではまだ文を実行していません。</translation>
    </message>
    <message>
        <source>SQL editor</source>
        <translation>SQL エディタ</translation>
    </message>
    <message>
        <source>Ctrl+Enter runs the statement under the cursor; Ctrl+Shift+Enter runs the whole script.</source>
        <translation>Ctrl+Enter でカーソル位置の文を、Ctrl+Shift+Enter でスクリプト全体を実行します。</translation>
    </message>
    <message>
        <source>Server the statements run on</source>
        <translation>文を実行するサーバ</translation>
    </message>
</context>
<context>
    <name>RecoverySettings</name>
    <message>
        <source>Give the primary&apos;s address for primary_conninfo.</source>
        <translation>primary_conninfo に使うプライマリのアドレスを指定してください。</translation>
    </message>
    <message>
        <source>The primary&apos;s port %1 is not a TCP port; give a number from 1 to 65535.</source>
        <translation>プライマリのポート %1 は TCP ポートではありません。1 から 65535 の数値を指定してください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1&apos;s libpq has no passfile option: put the password in the .pgpass file in the home folder of the server&apos;s user and leave the passfile empty.</source>
        <translation>PostgreSQL %1 の libpq には passfile オプションがありません。パスワードはサーバのユーザのホームフォルダにある .pgpass ファイルに書き、passfile は空にしてください。</translation>
    </message>
    <message>
        <source>These settings describe a standby; standby mode must be on.</source>
        <translation>これらはスタンバイの設定なので、standby_mode は on でなければなりません。</translation>
    </message>
    <message>
        <source>A standby needs primary_conninfo to stream from the primary, or restore_command to read an archive; give at least one.</source>
        <translation>スタンバイには、プライマリからストリーミングするための primary_conninfo か、アーカイブを読むための restore_command が必要です。少なくとも一方を指定してください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1&apos;s libpq does not know %2 and would refuse the whole primary_conninfo; leave %3 out.</source>
        <translation>PostgreSQL %1 の libpq は %2 を認識せず、primary_conninfo 全体を拒否します。%3を指定しないでください。</translation>
    </message>
    <message>
        <source>it</source>
        <translation>それ</translation>
    </message>
    <message>
        <source>them</source>
        <translation>それら</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no replication slots (they came in 9.4); leave the slot name empty.</source>
        <translation>PostgreSQL %1 にはレプリケーションスロットがありません（9.4 で導入）。スロット名は空にしてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a replication slot name: use 1 to 63 lower-case letters, digits and underscores.</source>
        <translation>&quot;%1&quot; はレプリケーションスロット名として使えません。小文字の英字、数字、アンダースコアで 1 から 63 文字にしてください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no promote trigger file; promote the standby with pg_ctl promote or SELECT pg_promote() instead.</source>
        <translation>PostgreSQL %1 には昇格用のトリガファイルがありません。代わりに pg_ctl promote または SELECT pg_promote() でスタンバイを昇格してください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no recovery.conf: its standby settings go into postgresql.auto.conf with an empty standby.signal.</source>
        <translation>PostgreSQL %1 には recovery.conf がありません。スタンバイの設定は postgresql.auto.conf に書き、空の standby.signal を置きます。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 reads its standby settings from recovery.conf, not postgresql.auto.conf.</source>
        <translation>PostgreSQL %1 はスタンバイの設定を postgresql.auto.conf ではなく recovery.conf から読みます。</translation>
    </message>
    <message>
        <source>primary_conninfo in %1 (line %2) is not a connection string PostgreSQL %3 can use.</source>
        <translation>%1（%2 行目）の primary_conninfo は、PostgreSQL %3 が使える接続文字列ではありません。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 refuses to start with a recovery.conf in its data directory; move its settings to postgresql.auto.conf and create standby.signal.</source>
        <translation>PostgreSQL %1 はデータディレクトリに recovery.conf があると起動しません。その設定を postgresql.auto.conf に移し、standby.signal を作成してください。</translation>
    </message>
    <message>
        <source>standby_mode in recovery.conf is &quot;%1&quot;, which is not a boolean; use on or off.</source>
        <translation>recovery.conf の standby_mode が &quot;%1&quot; で、ブール値ではありません。on か off を使ってください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 reads its standby settings from recovery.conf.</source>
        <translation>PostgreSQL %1 はスタンバイの設定を recovery.conf から読みます。</translation>
    </message>
</context>
<context>
    <name>ReplicaCtl</name>
    <message>
        <source>replicactl conf: --set needs NAME=VALUE, for example --set wal_level=replica.
</source>
        <translation>replicactl conf: --set には NAME=VALUE を指定してください（例: --set wal_level=replica）。
</translation>
    </message>
    <message>
        <source>replicactl conf: --unset needs the name of a setting.
</source>
        <translation>replicactl conf: --unset にはパラメータ名を指定してください。
</translation>
    </message>
    <message>
        <source>replicactl conf: --version takes a PostgreSQL major from %1 to %2, such as 15 or 9.6.
</source>
        <translation>replicactl conf: --version には %1 から %2 までの PostgreSQL メジャーバージョンを指定してください（例: 15、9.6）。
</translation>
    </message>
    <message>
        <source>replicactl conf: unknown option %1.
</source>
        <translation>replicactl conf: 不明なオプション %1 です。
</translation>
    </message>
    <message>
        <source>replicactl conf: one file at a time; %1 is a second one.
</source>
        <translation>replicactl conf: 一度に扱えるファイルは1つです。%1 は2つ目のファイルです。
</translation>
    </message>
    <message>
        <source>replicactl conf: say what to change with --set NAME=VALUE or --unset NAME.
</source>
        <translation>replicactl conf: 変更内容を --set NAME=VALUE または --unset NAME で指定してください。
</translation>
    </message>
    <message>
        <source>replicactl conf: cannot read %1: %2.
</source>
        <translation>replicactl conf: %1 を読み込めません: %2。
</translation>
    </message>
    <message>
        <source>Checking values against PostgreSQL %1; use --version to choose another major.
</source>
        <translation>値は PostgreSQL %1 の規則で検査します。別のメジャーバージョンを選ぶには --version を使ってください。
</translation>
    </message>
    <message>
        <source>replicactl conf: %1 cannot be edited: PostgreSQL would refuse it as it is.
</source>
        <translation>replicactl conf: %1 は編集できません。現在の内容のままでは PostgreSQL が受け付けません。
</translation>
    </message>
    <message>
        <source>replicactl conf: nothing was changed.
</source>
        <translation>replicactl conf: 何も変更しませんでした。
</translation>
    </message>
    <message>
        <source>%1 already says that: nothing to change.
</source>
        <translation>%1 はすでにその設定になっています。変更はありません。
</translation>
    </message>
    <message>
        <source>PostgreSQL %1 needs a restart for: %2.
</source>
        <translation>PostgreSQL %1 では次の変更に再起動が必要です: %2。
</translation>
    </message>
    <message>
        <source>A reload is enough for: %1.
</source>
        <translation>次の変更はリロードで反映されます: %1。
</translation>
    </message>
    <message>
        <source>Nothing was written; add --write to write %1.
</source>
        <translation>何も書き込んでいません。%1 に書き込むには --write を付けてください。
</translation>
    </message>
    <message>
        <source>replicactl conf: %1 was not written.
</source>
        <translation>replicactl conf: %1 は書き込まれませんでした。
</translation>
    </message>
    <message>
        <source>Wrote %1.
</source>
        <translation>%1 に書き込みました。
</translation>
    </message>
    <message>
        <source>Wrote %1; the previous version is %2.
</source>
        <translation>%1 に書き込みました。以前の版は %2 です。
</translation>
    </message>
    <message>
        <source>Adds rules to a pg_hba.conf and shows the change as a unified diff. Nothing is written unless --write is given.</source>
        <translation>pg_hba.conf に規則を追加し、変更を unified diff 形式で表示します。--write を指定しない限り何も書き込みません。</translation>
    </message>
    <message>
        <source>The pg_hba.conf to edit.</source>
        <translation>編集する pg_hba.conf。</translation>
    </message>
    <message>
        <source>A rule as written in pg_hba.conf, e.g. &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;. May be given several times.</source>
        <translation>pg_hba.conf に書く形式の規則（例: &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;）。複数回指定できます。</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>RULE</translation>
    </message>
    <message>
        <source>The PostgreSQL major the file is for (default: PG_VERSION beside the file, else the newest).</source>
        <translation>このファイルを使う PostgreSQL のメジャーバージョン（省略時: ファイルと同じ場所の PG_VERSION、なければ最新）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Write the file (keeping a dated backup) instead of only showing the diff.</source>
        <translation>差分を表示するだけでなく、ファイルに書き込みます（日付付きのバックアップを残します）。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Run &apos;replicactl hba --help&apos; for the options.</source>
        <translation>オプションは &apos;replicactl hba --help&apos; で確認できます。</translation>
    </message>
    <message>
        <source>Give exactly one pg_hba.conf to edit, e.g. replicactl hba /etc/postgresql/15/main/pg_hba.conf --add &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;.</source>
        <translation>編集する pg_hba.conf を1つだけ指定してください。例: replicactl hba /etc/postgresql/15/main/pg_hba.conf --add &quot;host replication replicator 10.0.0.2/32 scram-sha-256&quot;</translation>
    </message>
    <message>
        <source>Nothing to do: give at least one --add &quot;RULE&quot;.</source>
        <translation>何もすることがありません。--add &quot;RULE&quot; を少なくとも1つ指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL version; give a major such as 9.6 or 15.</source>
        <translation>&quot;%1&quot; は PostgreSQL のバージョンではありません。9.6 や 15 のようにメジャーバージョンを指定してください。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the path and that you may read it.</source>
        <translation>%1 を読み込めません: %2。パスと読み取り権限を確認してください。</translation>
    </message>
    <message>
        <source>Already there (line %1): %2</source>
        <translation>すでにあります（%1 行目）: %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Nothing written; run again with --write to apply.</source>
        <translation>何も書き込んでいません。反映するには --write を付けて再実行してください。</translation>
    </message>
    <message>
        <source>Wrote %1 (the previous version is in %2). Reload PostgreSQL to use it.</source>
        <translation>%1 に書き込みました（以前の版は %2 にあります）。反映するには PostgreSQL をリロードしてください。</translation>
    </message>
    <message>
        <source>Connect with psql:</source>
        <translation>psql で接続するには:</translation>
    </message>
    <message>
        <source>Connection strings:</source>
        <translation>接続文字列:</translation>
    </message>
    <message>
        <source>Sandbox %1: PostgreSQL %2, %3.</source>
        <translation>サンドボックス %1: PostgreSQL %2、%3。</translation>
    </message>
    <message>
        <source>synchronous</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>asynchronous</source>
        <translation>非同期</translation>
    </message>
    <message>
        <source>running</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>port %1, %2</source>
        <translation>ポート %1、%2</translation>
    </message>
    <message>
        <source>, replay paused</source>
        <translation>、リカバリ適用は一時停止中</translation>
    </message>
    <message>
        <source>The servers did not answer within 15 s.</source>
        <translation>サーバが 15 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>replicactl sandbox: unknown action &apos;%1&apos;.</source>
        <translation>replicactl sandbox: 不明なアクション &apos;%1&apos; です。</translation>
    </message>
    <message>
        <source>The sandbox folder.</source>
        <translation>サンドボックスのフォルダ。</translation>
    </message>
    <message>
        <source>Asynchronous replication.</source>
        <translation>非同期レプリケーション。</translation>
    </message>
    <message>
        <source>Synchronous replication.</source>
        <translation>同期レプリケーション。</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s programs.</source>
        <translation>PostgreSQL のプログラム。</translation>
    </message>
    <message>
        <source>JSON output.</source>
        <translation>JSON で出力。</translation>
    </message>
    <message>
        <source>Delete the files.</source>
        <translation>ファイルを削除する。</translation>
    </message>
    <message>
        <source>This help.</source>
        <translation>このヘルプ。</translation>
    </message>
    <message>
        <source>Run &apos;replicactl sandbox --help&apos; for the options.</source>
        <translation>オプションは &apos;replicactl sandbox --help&apos; で確認できます。</translation>
    </message>
    <message>
        <source>replicactl sandbox %1: unexpected argument &apos;%2&apos;.</source>
        <translation>replicactl sandbox %1: 予期しない引数 &apos;%2&apos; です。</translation>
    </message>
    <message>
        <source>Give --sync or --async, not both.</source>
        <translation>--sync と --async はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>--json belongs to &apos;status&apos; and --remove to &apos;down&apos;.</source>
        <translation>--json は &apos;status&apos; 用、--remove は &apos;down&apos; 用のオプションです。</translation>
    </message>
    <message>
        <source>--dir needs a folder.</source>
        <translation>--dir にはフォルダを指定してください。</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ミリ秒</translation>
    </message>
    <message>
        <source>Ready in %1 ms from &apos;%2&apos; (%3).</source>
        <translation>&apos;%2&apos; から %1 ミリ秒で準備ができました（%3）。</translation>
    </message>
    <message>
        <source>Running again in %1 ms.</source>
        <translation>%1 ミリ秒で再び稼働しました。</translation>
    </message>
    <message>
        <source>Private key file for SSH (may be given twice).</source>
        <translation>SSH の秘密鍵ファイル（2回まで指定できます）。</translation>
    </message>
    <message>
        <source>KEYFILE</source>
        <translation>KEYFILE</translation>
    </message>
    <message>
        <source>known_hosts file to check the hosts&apos; keys against (default ~/.ssh/known_hosts).</source>
        <translation>ホスト鍵の照合に使う known_hosts ファイル（省略時: ~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Trust a host key seen for the first time (its fingerprint is printed); a changed key is still refused.</source>
        <translation>初めて見るホスト鍵を信頼します（フィンガープリントを表示します）。変更された鍵は引き続き拒否します。</translation>
    </message>
    <message>
        <source>Trusting the new host key of %1:%2: %3 %4
</source>
        <translation>%1:%2 の新しいホスト鍵を信頼します: %3 %4
</translation>
    </message>
    <message>
        <source>Its key is %1 %2: check it, then add --accept-new-host-keys or put it in known_hosts.</source>
        <translation>その鍵は %1 %2 です。確認したうえで --accept-new-host-keys を付けるか、known_hosts に追加してください。</translation>
    </message>
    <message>
        <source>Could not read the password file %1.</source>
        <translation>パスワードファイル %1 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The password file %1 is empty: put the replication password on its first line.</source>
        <translation>パスワードファイル %1 が空です。1行目にレプリケーション用のパスワードを書いてください。</translation>
    </message>
    <message>
        <source>Apply this plan? [y/N] </source>
        <translation>このプランを適用しますか？ [y/N] </translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>検証:</translation>
    </message>
    <message>
        <source>%1 steps applied, %2 already done.</source>
        <translation>%1 個のステップを適用しました。%2 個は実施済みでした。</translation>
    </message>
    <message>
        <source>Step failed: %1 [%2]</source>
        <translation>ステップが失敗しました: %1 [%2]</translation>
    </message>
    <message>
        <source>Last command: %1</source>
        <translation>最後のコマンド: %1</translation>
    </message>
    <message>
        <source>Its output:</source>
        <translation>その出力:</translation>
    </message>
    <message>
        <source>The plan ran, but the replication could not be verified.</source>
        <translation>プランは実行しましたが、レプリケーションを検証できませんでした。</translation>
    </message>
    <message>
        <source>Done: the standby streams and is verified.</source>
        <translation>完了: スタンバイはストリーミング中で、検証も済みました。</translation>
    </message>
    <message>
        <source>Set up a PostgreSQL primary and a hot standby over SSH, and verify that the standby streams.</source>
        <translation>SSH 経由で PostgreSQL のプライマリとホットスタンバイを構築し、スタンバイがストリーミングしていることを検証します。</translation>
    </message>
    <message>
        <source>The primary, reached over SSH.</source>
        <translation>プライマリ（SSH で接続）。</translation>
    </message>
    <message>
        <source>USER@HOST[:PORT]</source>
        <translation>USER@HOST[:PORT]</translation>
    </message>
    <message>
        <source>The standby, reached over SSH.</source>
        <translation>スタンバイ（SSH で接続）。</translation>
    </message>
    <message>
        <source>Synchronous replication (the default): commits wait for the standby.</source>
        <translation>同期レプリケーション（デフォルト）: コミットはスタンバイを待ちます。</translation>
    </message>
    <message>
        <source>PostgreSQL major version (default: what the primary has).</source>
        <translation>PostgreSQL のメジャーバージョン（省略時: プライマリにあるもの）。</translation>
    </message>
    <message>
        <source>Name of the replication slot (default: the application name).</source>
        <translation>レプリケーションスロットの名前（省略時: application_name）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The standby&apos;s application_name (default: from its host name).</source>
        <translation>スタンバイの application_name（省略時: ホスト名から決定）。</translation>
    </message>
    <message>
        <source>How the standby reaches the primary (default: the primary&apos;s SSH host).</source>
        <translation>スタンバイからプライマリへの接続先（省略時: プライマリの SSH ホスト）。</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>The primary&apos;s data directory (default: the distribution&apos;s).</source>
        <translation>プライマリのデータディレクトリ（省略時: ディストリビューションの標準）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>The standby&apos;s data directory (default: the distribution&apos;s).</source>
        <translation>スタンバイのデータディレクトリ（省略時: ディストリビューションの標準）。</translation>
    </message>
    <message>
        <source>File whose first line is the replication password (default: kept on the primary, or generated).</source>
        <translation>1行目がレプリケーション用パスワードのファイル（省略時: プライマリに保存済みのもの、なければ生成）。</translation>
    </message>
    <message>
        <source>Create the walkthrough&apos;s mydb database with its weather table and row.</source>
        <translation>ウォークスルーで使う mydb データベースと weather テーブル、その1行を作成します。</translation>
    </message>
    <message>
        <source>The walkthrough&apos;s own choices (postgres superuser, md5, application_name slave): weaker, for teaching only.</source>
        <translation>ウォークスルーどおりの選択（postgres スーパーユーザ、md5、application_name slave）。安全性が低いので学習専用です。</translation>
    </message>
    <message>
        <source>Print every step with its commands and file diffs; change nothing.</source>
        <translation>各ステップのコマンドとファイルの差分を表示するだけで、何も変更しません。</translation>
    </message>
    <message>
        <source>Save the plan as JSON (for replicactl apply).</source>
        <translation>プランを JSON で保存します（replicactl apply 用）。</translation>
    </message>
    <message>
        <source>Write the plan as a shell script.</source>
        <translation>プランをシェルスクリプトとして書き出します。</translation>
    </message>
    <message>
        <source>Apply without asking.</source>
        <translation>確認せずに適用します。</translation>
    </message>
    <message>
        <source>Run &apos;replicactl setup --help&apos; for the options.</source>
        <translation>オプションは &apos;replicactl setup --help&apos; で確認できます。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1. Run &apos;replicactl setup --help&apos; for the options.</source>
        <translation>予期しない引数です: %1。オプションは &apos;replicactl setup --help&apos; で確認できます。</translation>
    </message>
    <message>
        <source>Name both hosts: --primary USER@HOST[:PORT] --standby USER@HOST[:PORT].</source>
        <translation>両方のホストを指定してください: --primary USER@HOST[:PORT] --standby USER@HOST[:PORT]</translation>
    </message>
    <message>
        <source>Choose either --sync or --async.</source>
        <translation>--sync と --async のどちらか一方を選んでください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL version: give a major such as 9.6 or 15.</source>
        <translation>&quot;%1&quot; は PostgreSQL のバージョンではありません。9.6 や 15 のようにメジャーバージョンを指定してください。</translation>
    </message>
    <message>
        <source>Could not write the script to %1.</source>
        <translation>スクリプトを %1 に書き込めませんでした。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>何も変更しませんでした。</translation>
    </message>
    <message>
        <source>Apply a setup plan saved by &apos;replicactl setup --save-plan&apos; or the wizard.</source>
        <translation>&apos;replicactl setup --save-plan&apos; またはウィザードで保存した構築プランを適用します。</translation>
    </message>
    <message>
        <source>File whose first line is the replication password.</source>
        <translation>1行目がレプリケーション用パスワードのファイル。</translation>
    </message>
    <message>
        <source>Print the plan; change nothing.</source>
        <translation>プランを表示するだけで、何も変更しません。</translation>
    </message>
    <message>
        <source>The saved plan.</source>
        <translation>保存したプラン。</translation>
    </message>
    <message>
        <source>Give one plan file: replicactl apply PLAN.json</source>
        <translation>プランファイルを1つ指定してください: replicactl apply PLAN.json</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>表ではなく JSON で出力します。</translation>
    </message>
    <message>
        <source>make replication synchronous (reload)</source>
        <translation>同期レプリケーションにする（リロード）</translation>
    </message>
    <message>
        <source>make replication asynchronous (reload)</source>
        <translation>非同期レプリケーションにする（リロード）</translation>
    </message>
    <message>
        <source>The standby&apos;s IP address as the primary sees it, for pg_hba.conf (default: found out; a host name is refused).</source>
        <translation>プライマリから見たスタンバイの IP アドレス。pg_hba.conf に使います（省略時: 自動で調べる。ホスト名は受け付けません）。</translation>
    </message>
    <message>
        <source>Install the chosen PostgreSQL major with the host&apos;s package manager where it is missing (the plan shows the commands). Without it, a host that lacks PostgreSQL is refused.</source>
        <translation>選んだ PostgreSQL メジャーバージョンがないホストには、そのホストのパッケージマネージャでインストールします（コマンドはプランに表示されます）。このオプションがないと、PostgreSQL のないホストは拒否されます。</translation>
    </message>
    <message>
        <source>With several synchronous standbys: a commit waits for any of them (ANY, a quorum; PostgreSQL 10+), not for the first one named.</source>
        <translation>同期スタンバイが複数あるとき: コミットは最初に名前のあるスタンバイではなく、いずれかのスタンバイを待ちます (ANY、クォーラム。PostgreSQL 10 以降)。</translation>
    </message>
    <message>
        <source>With several synchronous standbys: how many confirm each commit (default 1).</source>
        <translation>同期スタンバイが複数あるとき: 各コミットを確認するスタンバイの数 (既定は 1)。</translation>
    </message>
    <message>
        <source>--sync-count takes a number of standbys, such as 2, not &quot;%1&quot;.</source>
        <translation>--sync-count にはスタンバイの数 (例: 2) を指定してください。「%1」は指定できません。</translation>
    </message>
    <message>
        <source>--sync-any and --sync-count are for synchronous replication: leave out --async.</source>
        <translation>--sync-any と --sync-count は同期レプリケーション用です。--async を外してください。</translation>
    </message>
    <message>
        <source>Usage: replicactl conf FILE [--set NAME=VALUE]... [--unset NAME]... [--version MAJOR] [--pg-bin DIR] [--write]

Edits a postgresql.conf (or postgresql.auto.conf, recovery.conf) the way PostgreSQL reads it and
prints the change as a unified diff. Nothing is written unless --write is given; then the file is
replaced atomically and the previous one kept beside it as FILE.&lt;date&gt;.bak.

  --set NAME=VALUE  set a setting: the value as PostgreSQL should see it (--set listen_addresses=*),
                    or in the file&apos;s own quoted form (--set &quot;listen_addresses=&apos;*&apos;&quot;), which is read
                    as PostgreSQL reads it
  --unset NAME      comment out the lines that set NAME
  --version MAJOR   check values against this PostgreSQL major (9.3 ... 18); by default the
                    major in the file&apos;s path (/etc/postgresql/15/...), else the newest
  --pg-bin DIR      the folder of the postgres program that checks the edited file before it
                    is written (postgres -C); by default /usr/lib/postgresql/MAJOR/bin
  --write           write the file

A setting that a later file sets again (an include, include_dir, postgresql.auto.conf) is
reported with the file and line that PostgreSQL takes it from.
</source>
        <translation>使い方: replicactl conf FILE [--set NAME=VALUE]... [--unset NAME]... [--version MAJOR] [--pg-bin DIR] [--write]

postgresql.conf（または postgresql.auto.conf、recovery.conf）を PostgreSQL と同じ読み方で編集し、
変更を unified diff 形式で表示します。--write を指定しない限り何も書き込みません。指定すると、
ファイルはアトミックに置き換えられ、以前のファイルは FILE.&lt;date&gt;.bak として同じ場所に残ります。

  --set NAME=VALUE  パラメータを設定します。値は PostgreSQL から見える形（--set listen_addresses=*）
                    か、ファイル自体の引用符付きの形（--set &quot;listen_addresses=&apos;*&apos;&quot;）で指定します。
                    後者は PostgreSQL と同じ読み方で読み取ります
  --unset NAME      NAME を設定している行をコメントアウトします
  --version MAJOR   この PostgreSQL メジャーバージョン（9.3 ... 18）の規則で値を検査します。省略時は
                    ファイルのパス（/etc/postgresql/15/...）にあるメジャーバージョン、なければ最新
  --pg-bin DIR      編集後のファイルを書き込む前に検査する（postgres -C）postgres プログラムの
                    フォルダ。省略時は /usr/lib/postgresql/MAJOR/bin
  --write           ファイルに書き込みます

後のファイル（include、include_dir、postgresql.auto.conf）で再び設定されるパラメータは、
PostgreSQL が実際に値を読み取るファイルと行とともに報告します。
</translation>
    </message>
    <message>
        <source>Could not follow what %1 includes: %2
</source>
        <translation>%1 が取り込むファイルをたどれませんでした: %2
</translation>
    </message>
    <message>
        <source>Warning: %1
</source>
        <translation>警告: %1
</translation>
    </message>
    <message>
        <source>No PostgreSQL %1 server program in %2 to check the edited file with (give --pg-bin): it was checked by Replica Studio&apos;s rules only.
</source>
        <translation>%2 には、編集後のファイルを検査するための PostgreSQL %1 のサーバプログラムがありません（--pg-bin で指定してください）。Replica Studio の規則だけで検査しました。
</translation>
    </message>
    <message>
        <source>Could not ask PostgreSQL to check the edited file: %1
</source>
        <translation>編集後のファイルを PostgreSQL に検査させることができませんでした: %1
</translation>
    </message>
    <message>
        <source>replicactl conf: PostgreSQL %1 refuses the edited file, so nothing was written:
</source>
        <translation>replicactl conf: PostgreSQL %1 が編集後のファイルを受け付けないため、何も書き込みませんでした:
</translation>
    </message>
    <message>
        <source>Warning: PostgreSQL %1 reads %2 = &apos;%3&apos; from these files, not &apos;%4&apos;.
</source>
        <translation>警告: PostgreSQL %1 ではこれらのファイルから %2 = &apos;%3&apos; と読まれ、&apos;%4&apos; にはなりません。
</translation>
    </message>
    <message>
        <source>replicactl conf: --pg-bin needs a folder that holds the postgres program.
</source>
        <translation>replicactl conf: --pg-bin には postgres プログラムのあるフォルダを指定してください。
</translation>
    </message>
    <message>
        <source>--set and --unset both name %1: give one of them.</source>
        <translation>--set と --unset の両方で %1 が指定されています。どちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no setting named %2.</source>
        <translation>PostgreSQL %1 には %2 という名前のパラメータはありません。</translation>
    </message>
    <message>
        <source>%1 names the file %2, which does not exist: PostgreSQL could not load pg_hba.conf at all. Create that file first, or list the names in the line. Nothing was changed.</source>
        <translation>%1 はファイル %2 を参照していますが、そのファイルは存在しません。このままでは PostgreSQL は pg_hba.conf をまったく読み込めません。先にそのファイルを作成するか、その行に名前を直接並べてください。何も変更しませんでした。</translation>
    </message>
    <message>
        <source>There is no sandbox in %1. Run &apos;replicactl sandbox up&apos; to make one.</source>
        <translation>%1 にサンドボックスがありません。作成するには &apos;replicactl sandbox up&apos; を実行してください。</translation>
    </message>
    <message>
        <source>Interrupted (SIG%1): cancelling; the commands this run started on the hosts are being ended. Interrupt again to quit at once and leave them running.</source>
        <translation>中断されました（SIG%1）。取り消し中です。この実行がホスト上で開始したコマンドを終了させています。もう一度中断すると、それらを実行したままにして直ちに終了します。</translation>
    </message>
    <message>
        <source>Stopped by SIG%1 in step &quot;%2&quot; with %3 steps applied and %4 already done; the hosts are as those steps left them. Run the same command again to continue from there.</source>
        <translation>ステップ &quot;%2&quot; の途中で SIG%1 により停止しました。%3 個のステップを適用し、%4 個は実施済みでした。ホストはそれらのステップが終わった時点の状態のままです。そこから続けるには、同じコマンドをもう一度実行してください。</translation>
    </message>
    <message>
        <source>Show the replication table of a primary and the state of its standbys over SSH. When the primary does not answer, each standby is still shown (how far it got, which one is most advanced) and the exit status is 1.</source>
        <translation>SSH 経由で、プライマリのレプリケーションの表と、そのスタンバイの状態を表示します。プライマリが応答しない場合も各スタンバイの状態（どこまで進んでいるか、どれが最も進んでいるか）は表示され、終了ステータスは 1 になります。</translation>
    </message>
    <message>
        <source>Give a host up when it does not answer for this many seconds, while connecting or while a command runs (default 30).</source>
        <translation>接続中またはコマンドの実行中に、ホストがこの秒数のあいだ応答しなければ、そのホストを諦めます（省略時: 30）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>File whose first line is the SSH login password (for hosts that take a password; a key is tried first).</source>
        <translation>1行目が SSH のログインパスワードのファイル（パスワードを受け付けるホスト用。先に鍵を試します）。</translation>
    </message>
    <message>
        <source>A login user other than root becomes root and postgres with sudo, without a password.</source>
        <translation>root 以外のログインユーザが、パスワードなしの sudo で root と postgres になります。</translation>
    </message>
    <message>
        <source>As --sudo, with the login user&apos;s sudo password from the first line of FILE.</source>
        <translation>--sudo と同じですが、ログインユーザの sudo パスワードを FILE の1行目から読みます。</translation>
    </message>
    <message>
        <source>A login user other than root becomes root with su, root&apos;s password from the first line of FILE.</source>
        <translation>root 以外のログインユーザが su で root になります。root のパスワードは FILE の1行目から読みます。</translation>
    </message>
    <message>
        <source>Could not read the file of --%1, %2.</source>
        <translation>--%1 のファイル %2 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The file of --%1, %2, is empty: put the password on its first line.</source>
        <translation>--%1 のファイル %2 が空です。1行目にパスワードを書いてください。</translation>
    </message>
    <message>
        <source>--link-timeout takes a number of seconds, such as 30, not &quot;%1&quot;.</source>
        <translation>--link-timeout には秒数（例: 30）を指定してください。&quot;%1&quot; は指定できません。</translation>
    </message>
    <message>
        <source>Choose one way to become root: %1.</source>
        <translation>root になる方法を1つだけ選んでください: %1。</translation>
    </message>
    <message>
        <source>Make a new plan with replicactl setup --save-plan, review it, and apply that one.</source>
        <translation>replicactl setup --save-plan で新しいプランを作り、内容を確認してから、そのプランを適用してください。</translation>
    </message>
    <message>
        <source>Give either --primary (over SSH), or --sandbox or --conninfo, not both.</source>
        <translation>--primary（SSH 経由）と --sandbox / --conninfo は同時に指定できません。どちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>Name the primary: --primary USER@HOST[:PORT], or --sandbox [DIR], or --conninfo CONNSTR.</source>
        <translation>プライマリを指定してください: --primary USER@HOST[:PORT]、--sandbox [DIR]、または --conninfo CONNSTR。</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds from 0.1 to 3600, such as 1 or 0.5.</source>
        <translation>--interval には 0.1 から 3600 までの秒数を指定してください（例: 1、0.5）。</translation>
    </message>
    <message>
        <source>--count takes a whole number of samples, 1 or more.</source>
        <translation>--count には 1 以上のサンプル数（整数）を指定してください。</translation>
    </message>
    <message>
        <source>Seconds between samples (default 1).</source>
        <translation>サンプルの間隔（秒、省略時: 1）。</translation>
    </message>
    <message>
        <source>Stop after this many samples.</source>
        <translation>この数のサンプルを出力したら終了します。</translation>
    </message>
    <message>
        <source>One JSON object per sample and line (NDJSON).</source>
        <translation>1 サンプルにつき 1 行の JSON オブジェクト（NDJSON）。</translation>
    </message>
    <message>
        <source>--conninfo is not a connection string libpq reads: %1</source>
        <translation>--conninfo が libpq で読める接続文字列ではありません: %1</translation>
    </message>
    <message>
        <source>--standby-conninfo is not a connection string libpq reads: %1</source>
        <translation>--standby-conninfo が libpq で読める接続文字列ではありません: %1</translation>
    </message>
    <message>
        <source>The demo sandbox (its folder as the argument; the default sandbox without one).</source>
        <translation>デモ用サンドボックス（引数にそのフォルダ。省略時は既定のサンドボックス）。</translation>
    </message>
    <message>
        <source>The primary, as a libpq connection string.</source>
        <translation>プライマリ（libpq の接続文字列）。</translation>
    </message>
    <message>
        <source>CONNSTR</source>
        <translation>CONNSTR</translation>
    </message>
    <message>
        <source>A standby, as a libpq connection string (may be given more than once); its application_name=NAME is the name the primary shows it under.</source>
        <translation>スタンバイ（libpq の接続文字列。複数回指定可）。application_name=NAME には、プライマリ上で表示されるそのスタンバイの名前を指定します。</translation>
    </message>
    <message>
        <source>The sandbox folder, with --sandbox.</source>
        <translation>サンドボックスのフォルダ（--sandbox と一緒に）。</translation>
    </message>
    <message>
        <source>[DIR]</source>
        <translation>[DIR]</translation>
    </message>
    <message>
        <source>Give either --sandbox or --conninfo, not both.</source>
        <translation>--sandbox と --conninfo は同時に指定できません。どちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>--standby-conninfo needs the primary&apos;s --conninfo.</source>
        <translation>--standby-conninfo にはプライマリの --conninfo が必要です。</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>想定外の引数 &apos;%1&apos; です。</translation>
    </message>
    <message>
        <source>Primary %1 → %2</source>
        <translation>プライマリ %1 → %2</translation>
    </message>
    <message>
        <source>Standby %1 → %2</source>
        <translation>スタンバイ %1 → %2</translation>
    </message>
    <message>
        <source>SSH config file to read Host aliases from (HostName, User, Port, IdentityFile, ProxyJump), instead of ~/.ssh/config and /etc/ssh/ssh_config.</source>
        <translation>Host の別名(HostName、User、Port、IdentityFile、ProxyJump)を読む SSH 設定ファイル。~/.ssh/config と /etc/ssh/ssh_config の代わりに使います。</translation>
    </message>
    <message>
        <source>Directory of the PostgreSQL programs (postgres, initdb, pg_ctl) on both hosts, where the distribution did not install them (default: found, see the plan).</source>
        <translation>ディストリビューションがインストールしていない場合の、両ホストの PostgreSQL プログラム（postgres、initdb、pg_ctl）のディレクトリ（省略時: 自動で検出。プランを参照）。</translation>
    </message>
    <message>
        <source>As --pg-bin, for the primary only.</source>
        <translation>--pg-bin と同じですが、プライマリだけに適用します。</translation>
    </message>
    <message>
        <source>As --pg-bin, for the standby only.</source>
        <translation>--pg-bin と同じですが、スタンバイだけに適用します。</translation>
    </message>
    <message>
        <source>make the sandbox and wait until it streams, or reuse a running one</source>
        <translation>サンドボックスを作成してストリーミングが始まるまで待つ（稼働中のものがあれば再利用する）</translation>
    </message>
    <message>
        <source>stop every server (--remove: delete the sandbox&apos;s files too)</source>
        <translation>すべてのサーバを停止する（--remove: サンドボックスのファイルも削除する）</translation>
    </message>
    <message>
        <source>every server and the replication table (--json)</source>
        <translation>すべてのサーバとレプリケーションの表を表示する（--json）</translation>
    </message>
    <message>
        <source>stop a standby (in sync mode, commits on the primary then wait)</source>
        <translation>スタンバイを停止する（同期モードでは、以後プライマリのコミットが待たされる）</translation>
    </message>
    <message>
        <source>start a standby and wait until it streams</source>
        <translation>スタンバイを起動し、ストリーミングが始まるまで待つ</translation>
    </message>
    <message>
        <source>pause WAL replay on a standby</source>
        <translation>スタンバイで WAL のリカバリ適用を一時停止する</translation>
    </message>
    <message>
        <source>resume WAL replay on a standby</source>
        <translation>スタンバイで WAL のリカバリ適用を再開する</translation>
    </message>
    <message>
        <source>promote a standby to a primary</source>
        <translation>スタンバイをプライマリに昇格する</translation>
    </message>
    <message>
        <source>throw every server away and make a fresh sandbox</source>
        <translation>すべてのサーバを破棄し、新しいサンドボックスを作成する</translation>
    </message>
    <message>
        <source>Usage: replicactl sandbox ACTION [--dir DIR] [OPTIONS]

A PostgreSQL primary and one to five hot standbys on this computer, in one
folder, on free loopback ports, for the demo and for learning. Run as root, the
servers run as the postgres system user.

Actions:
</source>
        <translation>使い方: replicactl sandbox ACTION [--dir DIR] [OPTIONS]

このコンピュータ上の 1 つのフォルダに、空いているループバックポートを使って、
PostgreSQL のプライマリ 1 台とホットスタンバイ 1 から 5 台を作ります。デモと学習用です。
root で実行すると、サーバは postgres システムユーザで動きます。

アクション:
</translation>
    </message>
    <message>
        <source>
Options:
  --dir DIR      the sandbox folder (default: %1)
  --async        up/reset: asynchronous replication (default: synchronous)
  --sync         up: switch an existing sandbox to synchronous
  --pg-bin DIR   up/reset: the folder of initdb, postgres and pg_ctl of another
                 PostgreSQL major (default: Debian&apos;s newest, /usr/lib/postgresql/N/bin)
  --standbys N   up/reset: 1 to 5 standbys (default 1, named &apos;standby&apos;; with more,
                 &apos;standby1&apos; .. &apos;standbyN&apos;, each its application_name and slot)
  --synchronous-standby-names VALUE
                 up/reset/sync: synchronous_standby_names, as given (for example
                 &apos;FIRST 2 (standby1, standby2)&apos; or &apos;ANY 2 (*)&apos;; default: the first
                 standby); checked first, an empty value means asynchronous
  --standby NAME stop-standby, start-standby, pause-replay, resume-replay, promote,
                 status: the standby to act on (default: the first)
  --json         status: print JSON
  --remove       down: delete the sandbox&apos;s files after stopping it

Exit status: 0 done, 1 failed, 2 bad input. &apos;status&apos; and &apos;down&apos; on a folder without a
sandbox say so and exit 0; the other actions need a sandbox. A folder that is not a
sandbox of this program is refused (exit 2) with nothing in it touched.
</source>
        <translation>
オプション:
  --dir DIR      サンドボックスのフォルダ（省略時: %1）
  --async        up/reset: 非同期レプリケーション（省略時: 同期）
  --sync         up: 既存のサンドボックスを同期に切り替える
  --pg-bin DIR   up/reset: 別の PostgreSQL メジャーバージョンの initdb、postgres、pg_ctl
                 があるフォルダ（省略時: Debian の最新版、/usr/lib/postgresql/N/bin）
  --standbys N   up/reset: スタンバイの数、1 から 5（省略時は 1 台で名前は &apos;standby&apos;。
                 複数なら &apos;standby1&apos; .. &apos;standbyN&apos; で、それぞれの application_name と
                 スロットも同じ名前）
  --synchronous-standby-names VALUE
                 up/reset/sync: synchronous_standby_names を指定どおりに設定（例:
                 &apos;FIRST 2 (standby1, standby2)&apos; や &apos;ANY 2 (*)&apos;。省略時: 最初の
                 スタンバイ）。事前に検査し、空の値は非同期を意味する
  --standby NAME stop-standby、start-standby、pause-replay、resume-replay、promote、
                 status: 操作対象のスタンバイ（省略時: 最初のスタンバイ）
  --json         status: JSON で出力
  --remove       down: 停止後にサンドボックスのファイルを削除

終了ステータス: 0 完了、1 失敗、2 入力が不正。サンドボックスのないフォルダでは、&apos;status&apos; と
&apos;down&apos; はその旨を表示して 0 で終了します。他のアクションにはサンドボックスが必要です。
このプログラムのサンドボックスではないフォルダは拒否し（終了ステータス 2）、中身には
一切触れません。
</translation>
    </message>
    <message>
        <source>a standby promoted (two primaries)</source>
        <translation>スタンバイが昇格済み（プライマリが 2 台）</translation>
    </message>
    <message>
        <source>synchronous (synchronous_standby_names = &apos;%1&apos;)</source>
        <translation>同期（synchronous_standby_names = &apos;%1&apos;）</translation>
    </message>
    <message>
        <source>port %1, %2%3%4</source>
        <translation>ポート %1、%2%3%4</translation>
    </message>
    <message>
        <source>, promoted</source>
        <translation>、昇格済み</translation>
    </message>
    <message>
        <source>How many standbys.</source>
        <translation>スタンバイの数。</translation>
    </message>
    <message>
        <source>synchronous_standby_names, as given.</source>
        <translation>synchronous_standby_names（指定どおりに設定）。</translation>
    </message>
    <message>
        <source>The standby to act on.</source>
        <translation>操作対象のスタンバイ。</translation>
    </message>
    <message>
        <source>--async, --sync, --pg-bin and --standbys belong to &apos;up&apos; and &apos;reset&apos;; use &apos;replicactl sandbox sync&apos; or &apos;async&apos; to switch an existing sandbox.</source>
        <translation>--async、--sync、--pg-bin、--standbys は &apos;up&apos; と &apos;reset&apos; 用のオプションです。既存のサンドボックスを切り替えるには &apos;replicactl sandbox sync&apos; または &apos;async&apos; を使ってください。</translation>
    </message>
    <message>
        <source>--synchronous-standby-names belongs to &apos;up&apos;, &apos;reset&apos; and &apos;sync&apos;.</source>
        <translation>--synchronous-standby-names は &apos;up&apos;、&apos;reset&apos;、&apos;sync&apos; 用のオプションです。</translation>
    </message>
    <message>
        <source>Give --synchronous-standby-names or --sync/--async, not both (an empty value means asynchronous).</source>
        <translation>--synchronous-standby-names と --sync/--async はどちらか一方だけを指定してください（空の値は非同期を意味します）。</translation>
    </message>
    <message>
        <source>--standby belongs to the actions on one standby: stop-standby, start-standby, pause-replay, resume-replay, promote and status.</source>
        <translation>--standby は 1 台のスタンバイに対するアクション用のオプションです: stop-standby、start-standby、pause-replay、resume-replay、promote、status。</translation>
    </message>
    <message>
        <source>--standbys needs a number from 1 to 5, not &apos;%1&apos;.</source>
        <translation>--standbys には 1 から 5 までの数を指定してください。&apos;%1&apos; は指定できません。</translation>
    </message>
    <message>
        <source>The sandbox in %1 has no standby named &apos;%2&apos;. Its standbys: %3.</source>
        <translation>%1 のサンドボックスに &apos;%2&apos; という名前のスタンバイはありません。このサンドボックスのスタンバイ: %3。</translation>
    </message>
    <message>
        <source>The role the replication panel and &quot;replicactl watch&quot; connect as, with pg_monitor&apos;s rights (PostgreSQL 10+; default: replica_monitor; an empty name makes none). Its password is kept in the postgres user&apos;s passfile on the primary.</source>
        <translation>レプリケーションパネルと &quot;replicactl watch&quot; が接続に使う、pg_monitor の権限を持つロール（PostgreSQL 10 以降。省略時: replica_monitor。空の名前にするとロールを作成しません）。パスワードはプライマリの postgres ユーザのパスワードファイルに保存されます。</translation>
    </message>
    <message>
        <source>Watch replication: each interval, the primary&apos;s standbys, slots and archiver, the standbys&apos; own state and the alerts (over SSH tunnels with --primary, as the monitoring role setup makes), as a table or as one JSON object per line (--json). Runs until interrupted (Ctrl-C) or --count samples.</source>
        <translation>レプリケーションを監視します。間隔ごとに、プライマリのスタンバイ、スロット、アーカイバ、各スタンバイ自身の状態とアラートを、表または 1 行 1 つの JSON オブジェクト（--json）で表示します（--primary では setup が作成する監視ロールとして SSH トンネル経由で接続）。中断（Ctrl-C）するか --count 回のサンプルで終了します。</translation>
    </message>
    <message>
        <source>Name the servers: --sandbox [DIR], --primary USER@HOST [--standby USER@HOST ...] (over SSH), or --conninfo CONNSTR [--standby-conninfo CONNSTR ...].</source>
        <translation>サーバを指定してください: --sandbox [DIR]、--primary USER@HOST [--standby USER@HOST ...]（SSH 経由）、または --conninfo CONNSTR [--standby-conninfo CONNSTR ...]。</translation>
    </message>
</context>
<context>
    <name>ReplicaCtl::SshSamplerTargets</name>
    <message>
        <source>The primary, reached over SSH.</source>
        <translation>プライマリ（SSH で接続）。</translation>
    </message>
    <message>
        <source>USER@HOST[:PORT]</source>
        <translation>USER@HOST[:PORT]</translation>
    </message>
    <message>
        <source>A standby, reached over SSH (may be given more than once).</source>
        <translation>スタンバイ（SSH で接続、複数回指定できます）。</translation>
    </message>
    <message>
        <source>The role to connect as over the SSH tunnels (default: %1, which replicactl setup makes).</source>
        <translation>SSH トンネル経由で接続するときのロール（省略時: replicactl setup が作成する %1）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>File whose first line is the monitoring role&apos;s password (default: the line the primary&apos;s ~postgres/.pgpass keeps for it).</source>
        <translation>1 行目に監視ロールのパスワードを書いたファイル（省略時: プライマリの ~postgres/.pgpass にあるその行）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>%1 could not be asked: %2</source>
        <translation>%1 に問い合わせできませんでした: %2</translation>
    </message>
    <message>
        <source>No SSH tunnel to %1: %2</source>
        <translation>%1 への SSH トンネルがありません: %2</translation>
    </message>
    <message>
        <source>The SSH tunnels were not open after 60 s.</source>
        <translation>60 秒たっても SSH トンネルが開きませんでした。</translation>
    </message>
    <message>
        <source>--standby needs the primary&apos;s --primary USER@HOST.</source>
        <translation>--standby にはプライマリの --primary USER@HOST が必要です。</translation>
    </message>
    <message>
        <source>The primary&apos;s passfile (~postgres/.pgpass) keeps no password for the monitoring role %1. Make the role with replicactl setup (PostgreSQL 10 and later make it unless --monitoring-role &quot;&quot; is given), or give its password with --monitoring-password-file FILE.</source>
        <translation>プライマリのパスワードファイル（~postgres/.pgpass）に監視ロール %1 のパスワードがありません。replicactl setup でロールを作成する（PostgreSQL 10 以降では --monitoring-role &quot;&quot; を指定しない限り作成されます）か、--monitoring-password-file FILE でパスワードを指定してください。</translation>
    </message>
</context>
<context>
    <name>ReplicationPanel</name>
    <message>
        <source>Connecting to the servers...</source>
        <translation>サーバに接続しています...</translation>
    </message>
    <message>
        <source>Lag history</source>
        <translation>遅延の履歴</translation>
    </message>
    <message>
        <source>Standbys (pg_stat_replication on the primary)</source>
        <translation>スタンバイ（プライマリの pg_stat_replication）</translation>
    </message>
    <message>
        <source>Standbys streaming from the primary</source>
        <translation>プライマリからストリーミングしているスタンバイ</translation>
    </message>
    <message>
        <source>Waiting for the first sample...</source>
        <translation>最初のサンプルを待っています...</translation>
    </message>
    <message>
        <source>Replication slots and WAL archiving</source>
        <translation>レプリケーションスロットと WAL アーカイブ</translation>
    </message>
    <message>
        <source>Replication slots</source>
        <translation>レプリケーションスロット</translation>
    </message>
    <message>
        <source>No replication slot on the primary: a standby that falls behind further than wal_keep_size can lose the WAL it needs.</source>
        <translation>プライマリにレプリケーションスロットがありません。wal_keep_size を超えて遅れたスタンバイは、必要な WAL を失うことがあります。</translation>
    </message>
    <message>
        <source>No standby streams from the primary right now.</source>
        <translation>現在、プライマリからストリーミングしているスタンバイはありません。</translation>
    </message>
    <message>
        <source>Unknown: the primary does not answer.</source>
        <translation>不明: プライマリが応答しません。</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>%1 に更新。</translation>
    </message>
    <message>
        <source>Archiver: not available on this version.</source>
        <translation>アーカイバ: このバージョンでは利用できません。</translation>
    </message>
    <message>
        <source>Archiver: unknown, the primary does not answer.</source>
        <translation>アーカイバ: 不明です。プライマリが応答しません。</translation>
    </message>
    <message>
        <source>Archiver: nothing archived yet (archive_mode off, or no WAL segment finished since the start).</source>
        <translation>アーカイバ: まだ何もアーカイブされていません（archive_mode が off か、起動後に完了した WAL セグメントがありません）。</translation>
    </message>
    <message>
        <source>Archiver: %1 segments archived, the last %2 at %3; %4 failed</source>
        <translation>アーカイバ: %1 セグメントをアーカイブ済み（最後は %2、%3）。失敗 %4 件</translation>
    </message>
    <message>
        <source>, the last %1 at %2.</source>
        <translation>（最後は %1、%2）。</translation>
    </message>
</context>
<context>
    <name>ReplicationRoleStep</name>
    <message>
        <source>Replication role &quot;%1&quot;</source>
        <translation>レプリケーション用ロール &quot;%1&quot;</translation>
    </message>
    <message>
        <source>As in the walkthrough, the standby connects as the postgres superuser with an md5 password. This is weaker than a role that may only replicate; use it for teaching only.</source>
        <translation>ウォークスルーと同じく、スタンバイは postgres スーパーユーザとして md5 パスワードで接続します。レプリケーションしかできないロールより安全性が低いので、学習用にのみ使ってください。</translation>
    </message>
    <message>
        <source>Set the password of the postgres role (ALTER ROLE ... PASSWORD).</source>
        <translation>postgres ロールのパスワードを設定します（ALTER ROLE ... PASSWORD）。</translation>
    </message>
    <message>
        <source>the SQL with the password&apos;s %1 verifier</source>
        <translation>パスワードの %1 ベリファイアを含む SQL</translation>
    </message>
    <message>
        <source>A new replication password was generated; it is kept in the passfiles of the postgres user (0600).</source>
        <translation>新しいレプリケーション用パスワードを生成しました。postgres ユーザのパスワードファイル（0600）に保存されています。</translation>
    </message>
    <message>
        <source>Create the role: CREATE ROLE %1 LOGIN REPLICATION PASSWORD &apos;&lt;verifier&gt;&apos; (or, when it exists, ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE).</source>
        <translation>ロールを作成します: CREATE ROLE %1 LOGIN REPLICATION PASSWORD &apos;&lt;verifier&gt;&apos;（すでにある場合は ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE）。</translation>
    </message>
    <message>
        <source>The standby connects as a role that may log in and replicate and do nothing else, with a %1 password that never appears on a command line. The password is kept in the passfiles of the postgres user on both hosts; a new password changes the role and both passfiles together.</source>
        <translation>スタンバイは、ログインとレプリケーションしかできないロールとして、コマンドラインに一切現れない %1 パスワードで接続します。パスワードは両方のホストの postgres ユーザのパスワードファイルに保存されます。新しいパスワードにすると、ロールと両方のパスワードファイルがまとめて変更されます。</translation>
    </message>
    <message>
        <source>Warning: other standbys (%1) connect as %2 too; their passfiles still hold the old password, so they cannot connect again after a restart. Run the setup for each of them with the same password.</source>
        <translation>警告: 他のスタンバイ（%1）も %2 として接続しています。それらのパスワードファイルには古いパスワードが残っているため、再起動後に再接続できなくなります。それぞれのスタンバイについて、同じパスワードで構築を実行してください。</translation>
    </message>
</context>
<context>
    <name>ReplicationSample</name>
    <message>
        <source>No running PostgreSQL cluster was found on %1.</source>
        <translation>%1 で稼働中の PostgreSQL クラスタが見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>ReplicationSampler</name>
    <message>
        <source>Not connected yet.</source>
        <translation>まだ接続していません。</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>%1 に接続しています...</translation>
    </message>
    <message>
        <source>%1 did not answer the monitoring queries within %2 seconds: the server is overloaded or the network is stalled.</source>
        <translation>%1 が監視用の問い合わせに %2 秒以内に応答しませんでした。サーバが過負荷か、ネットワークが止まっています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is watched as the primary but is in recovery (a standby): its pg_stat_replication only shows cascading standbys. Point the monitor at the real primary.</source>
        <translation>&quot;%1&quot; をプライマリとして監視していますが、リカバリ中（スタンバイ）です。その pg_stat_replication にはカスケードしたスタンバイしか表示されません。本来のプライマリを監視対象にしてください。</translation>
    </message>
    <message>
        <source>Standby &quot;%1&quot; is in state &quot;%2&quot;, not streaming: it is still catching up or starting.</source>
        <translation>スタンバイ &quot;%1&quot; の状態は &quot;%2&quot; で、ストリーミングしていません。まだ追いついている途中か、起動中です。</translation>
    </message>
    <message>
        <source>Standby &quot;%1&quot; does not answer. %2</source>
        <translation>スタンバイ &quot;%1&quot; が応答しません。%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in recovery: it was promoted or started as a primary, and no longer follows &quot;%2&quot;. Rebuild it as a standby before writing to both.</source>
        <translation>&quot;%1&quot; はリカバリ中ではありません。昇格されたかプライマリとして起動されたため、もう &quot;%2&quot; に追従していません。両方に書き込む前に、スタンバイとして作り直してください。</translation>
    </message>
    <message>
        <source>The primary &quot;%1&quot; does not answer. %2</source>
        <translation>プライマリ &quot;%1&quot; が応答しません。%2</translation>
    </message>
    <message>
        <source>The synchronous standbys stream but do not confirm in time: look at their flush lag (disk) and their logs, or make replication asynchronous: ALTER SYSTEM SET synchronous_standby_names = &apos;&apos;; SELECT pg_reload_conf();</source>
        <translation>同期スタンバイはストリーミングしていますが、確認応答が間に合っていません。フラッシュ遅延（ディスク）とログを確認するか、レプリケーションを非同期にしてください: ALTER SYSTEM SET synchronous_standby_names = &apos;&apos;; SELECT pg_reload_conf();</translation>
    </message>
    <message>
        <source>Start the missing standby, or make replication asynchronous: ALTER SYSTEM SET synchronous_standby_names = &apos;&apos;; SELECT pg_reload_conf();</source>
        <translation>不在のスタンバイを起動するか、レプリケーションを非同期にしてください: ALTER SYSTEM SET synchronous_standby_names = &apos;&apos;; SELECT pg_reload_conf();</translation>
    </message>
    <message>
        <source>Commits on the primary are waiting for a synchronous standby (waiting for more than a second: %1; synchronous_standby_names is &apos;%2&apos;; not streaming: %3). %4</source>
        <translation>プライマリのコミットが同期スタンバイを待っています（1 秒以上待っているもの: %1、synchronous_standby_names は &apos;%2&apos;、ストリーミングしていないもの: %3）。%4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Commits on the primary wait: synchronous_standby_names is &apos;%1&apos; (synchronous standbys needed: %2, streaming as such: %3; not streaming: %4). %5</source>
        <translation>プライマリのコミットは待たされます: synchronous_standby_names は &apos;%1&apos; です（必要な同期スタンバイ: %2、同期としてストリーミング中: %3、ストリーミングしていないもの: %4）。%5</translation>
    </message>
    <message>
        <source>any standby</source>
        <translation>いずれかのスタンバイ</translation>
    </message>
    <message>
        <source>Standby &quot;%1&quot; does not stream from the primary (no row in pg_stat_replication). Check that it runs, that its primary_conninfo points at this primary with application_name=%1, and its log.</source>
        <translation>スタンバイ &quot;%1&quot; がプライマリからストリーミングしていません（pg_stat_replication に行がありません）。稼働していること、primary_conninfo が application_name=%1 でこのプライマリを指していること、そしてそのログを確認してください。</translation>
    </message>
    <message>
        <source>Replication slot &quot;%1&quot; has lost WAL its standby still needs (wal_status lost): that standby cannot resume from it and must be cloned again.</source>
        <translation>レプリケーションスロット &quot;%1&quot; は、スタンバイがまだ必要とする WAL を失いました（wal_status lost）。そのスタンバイはこのスロットから再開できないため、クローンし直す必要があります。</translation>
    </message>
    <message>
        <source>Replication slot &quot;%1&quot; is about to lose WAL (wal_status unreserved: max_slot_wal_keep_size reached). Bring its standby back soon, or raise max_slot_wal_keep_size.</source>
        <translation>レプリケーションスロット &quot;%1&quot; は WAL を失いかけています（wal_status unreserved: max_slot_wal_keep_size に達しました）。早くスタンバイを復帰させるか、max_slot_wal_keep_size を増やしてください。</translation>
    </message>
    <message>
        <source>Replication slot &quot;%1&quot; is not in use and keeps %2 of WAL in pg_wal, more every minute. Start its standby, or drop the slot if the standby is gone for good: SELECT pg_drop_replication_slot(&apos;%1&apos;);</source>
        <translation>レプリケーションスロット &quot;%1&quot; は使われておらず、pg_wal に %2 の WAL を保持しており、刻々と増えています。スタンバイを起動するか、スタンバイがもう戻らないならスロットを削除してください: SELECT pg_drop_replication_slot(&apos;%1&apos;);</translation>
    </message>
    <message>
        <source>WAL archiving fails: %1 failures, the last on %2. Check archive_command (or archive_library) and the archive&apos;s free space in the primary&apos;s log; WAL piles up in pg_wal until it succeeds.</source>
        <translation>WAL のアーカイブが失敗しています: 失敗 %1 件、最後は %2。プライマリのログで archive_command（または archive_library）とアーカイブ先の空き容量を確認してください。成功するまで WAL は pg_wal にたまり続けます。</translation>
    </message>
    <message>
        <source>Replay is paused on &quot;%1&quot;: it receives WAL but does not apply it, and its replay lag grows. Resume it with SELECT %2();</source>
        <translation>&quot;%1&quot; で適用（リプレイ）が一時停止しています。WAL は受信していますが適用されず、適用遅延が増え続けます。SELECT %2(); で再開してください。</translation>
    </message>
</context>
<context>
    <name>ReplicationTable</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: down. %2</source>
        <translation>%1: 停止。%2</translation>
    </message>
    <message>
        <source>%1: primary, PostgreSQL %2, WAL at %3</source>
        <translation>%1: プライマリ、PostgreSQL %2、WAL 位置 %3</translation>
    </message>
    <message>
        <source>%1: standby, PostgreSQL %2, received %3, replayed %4, last replayed transaction %5</source>
        <translation>%1: スタンバイ、PostgreSQL %2、受信 %3、適用 %4、最後に適用したトランザクション %5</translation>
    </message>
    <message>
        <source>, replay paused</source>
        <translation>、リカバリ適用は一時停止中</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>スタンバイ</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Sent LSN</source>
        <translation>送信 LSN</translation>
    </message>
    <message>
        <source>Write LSN</source>
        <translation>書き込み LSN</translation>
    </message>
    <message>
        <source>Flush LSN</source>
        <translation>フラッシュ LSN</translation>
    </message>
    <message>
        <source>Replay LSN</source>
        <translation>適用 LSN</translation>
    </message>
    <message>
        <source>Byte lag</source>
        <translation>遅延バイト数</translation>
    </message>
    <message>
        <source>Write lag</source>
        <translation>書き込み遅延</translation>
    </message>
    <message>
        <source>Flush lag</source>
        <translation>フラッシュ遅延</translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation>適用遅延</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>ローカルソケット</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Sampled at %1</source>
        <translation>取得時刻 %1</translation>
    </message>
    <message>
        <source>  synchronous_standby_names = &apos;%1&apos;, synchronous_commit = %2</source>
        <translation>  synchronous_standby_names = &apos;%1&apos;, synchronous_commit = %2</translation>
    </message>
    <message>
        <source>No standby is connected (pg_stat_replication is empty).</source>
        <translation>接続しているスタンバイがありません（pg_stat_replication が空です）。</translation>
    </message>
    <message>
        <source>Replication state unknown: the primary does not answer.</source>
        <translation>レプリケーションの状態は不明です。プライマリが応答しません。</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>スロット</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Restart LSN</source>
        <translation>restart LSN</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>WAL 状態</translation>
    </message>
    <message>
        <source>Retained WAL</source>
        <translation>保持 WAL</translation>
    </message>
    <message>
        <source>Safe WAL size</source>
        <translation>安全な WAL サイズ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Archiver: %1 archived (last %2 at %3), %4 failed (last %5 at %6)</source>
        <translation>アーカイバ: %1 件アーカイブ済み（最後 %2、%3）、%4 件失敗（最後 %5、%6）</translation>
    </message>
    <message>
        <source>CRITICAL: %1</source>
        <translation>重大: %1</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Most advanced standby: %1 (received %2, replayed %3).</source>
        <translation>最も進んでいるスタンバイ: %1（受信 %2、適用 %3）。</translation>
    </message>
    <message>
        <source>No standby answered, so which one is most advanced is not known.</source>
        <translation>どのスタンバイも応答しなかったため、どれが最も進んでいるかはわかりません。</translation>
    </message>
</context>
<context>
    <name>ReplicationTableModel</name>
    <message>
        <source>WAL the primary has written that this standby has not replayed yet.</source>
        <translation>プライマリが書き込んだ WAL のうち、このスタンバイがまだ適用していない量。</translation>
    </message>
    <message>
        <source>Time between a commit on the primary and this standby&apos;s report of it; empty while the standby has nothing to catch up on.</source>
        <translation>プライマリでのコミットから、このスタンバイがそれを報告するまでの時間。スタンバイに追いつくべきものがないときは空欄です。</translation>
    </message>
    <message>
        <source>sync: commits on the primary wait for this standby. quorum: they wait for enough of the quorum standbys. potential: it takes over when a sync standby goes. async: commits do not wait for it. The number is sync_priority.</source>
        <translation>sync: プライマリのコミットはこのスタンバイを待ちます。quorum: クォーラムのスタンバイのうち必要な数を待ちます。potential: 同期スタンバイがいなくなると代わりに同期になります。async: コミットはこのスタンバイを待ちません。数字は sync_priority です。</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Running… %1 rows so far.</source>
        <translation>実行中… これまでに %1 行。</translation>
    </message>
    <message>
        <source>%1: done in %2.</source>
        <translation>%1: %2 で完了しました。</translation>
    </message>
    <message>
        <source>1 row in %1.</source>
        <translation>1 行（%1）。</translation>
    </message>
    <message>
        <source>%1 rows in %2.</source>
        <translation>%1 行（%2）。</translation>
    </message>
    <message>
        <source>The first %1 are shown: the console keeps at most %1 rows of a result. Add a LIMIT or a WHERE clause to see others.</source>
        <translation>最初の %1 行を表示しています。コンソールが保持するのは 1 つの結果につき最大 %1 行です。ほかの行を見るには LIMIT か WHERE 句を加えてください。</translation>
    </message>
    <message>
        <source>The statement failed.</source>
        <translation>文が失敗しました。</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>詳細:</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>ヒント:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <source>character %1 of the statement (marked in the editor)</source>
        <translation>文の %1 文字目（エディタに印を付けました）</translation>
    </message>
    <message>
        <source>What this means</source>
        <translation>これが意味すること</translation>
    </message>
    <message>
        <source>Rows returned by %1</source>
        <translation>%1 が返した行</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review the plan</source>
        <translation>計画の確認</translation>
    </message>
    <message>
        <source>Every step, the commands it runs and the files it changes. &quot;Go to Run&quot; fixes the plan; nothing runs before you start it there.</source>
        <translation>すべてのステップと、実行するコマンド、変更するファイルです。「実行へ」で計画が確定します。実行ページで開始するまで何も実行されません。</translation>
    </message>
    <message>
        <source>Go to &amp;Run</source>
        <translation>実行へ(&amp;R)</translation>
    </message>
    <message>
        <source>What to know before running the plan</source>
        <translation>計画を実行する前に知っておくべきこと</translation>
    </message>
    <message>
        <source>The plan&apos;s steps and commands</source>
        <translation>計画のステップとコマンド</translation>
    </message>
    <message>
        <source>&amp;Save plan…</source>
        <translation>計画を保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the plan as a file that replicactl apply runs</source>
        <translation>replicactl apply で実行できるファイルとして計画を保存する</translation>
    </message>
    <message>
        <source>&amp;Export shell script…</source>
        <translation>シェルスクリプトを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the plan as a shell script</source>
        <translation>計画をシェルスクリプトとして書き出す</translation>
    </message>
    <message>
        <source>Where the plan was saved</source>
        <translation>計画の保存先</translation>
    </message>
    <message>
        <source>Save the plan</source>
        <translation>計画を保存</translation>
    </message>
    <message>
        <source>Plans (*.json)</source>
        <translation>計画 (*.json)</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh)</source>
        <translation>シェルスクリプト (*.sh)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 に書き込み中…</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>%1 に書き込みました。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>The steps run in order (the standby&apos;s own preparation alongside the primary&apos;s); a step already in place is skipped. Cancel stops the running command; Run goes on from where it stopped.</source>
        <translation>ステップを順に実行します（スタンバイ側だけの準備はプライマリの設定と並行して行います）。すでに済んでいるステップは飛ばします。取り消しで実行中のコマンドを止め、「実行」で止まったところから続けます。</translation>
    </message>
    <message>
        <source>Steps of the plan</source>
        <translation>計画のステップ</translation>
    </message>
    <message>
        <source>Output of the running command</source>
        <translation>実行中のコマンドの出力</translation>
    </message>
    <message>
        <source>Press Run to start, or select a step and run up to it.</source>
        <translation>「実行」で開始するか、ステップを選んでそこまで実行してください。</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>実行の状態</translation>
    </message>
    <message>
        <source>Progress of the copy</source>
        <translation>複製の進捗</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the remaining steps</source>
        <translation>残りのステップを実行する</translation>
    </message>
    <message>
        <source>Run &amp;up to the selected step</source>
        <translation>選んだステップまで実行(&amp;U)</translation>
    </message>
    <message>
        <source>Run up to the selected step and stop</source>
        <translation>選んだステップまで実行して止まる</translation>
    </message>
    <message>
        <source>&amp;Cancel the run</source>
        <translation>実行を取り消す(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>実行を取り消す</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Retry from the failed step</source>
        <translation>失敗したステップから再試行する</translation>
    </message>
    <message>
        <source>Cancelling: the running command is being ended…</source>
        <translation>取り消し中: 実行中のコマンドを終了しています…</translation>
    </message>
    <message>
        <source>Running step %1: %2</source>
        <translation>ステップ %1 を実行中: %2</translation>
    </message>
    <message>
        <source>The step &quot;%1&quot; failed: %2</source>
        <translation>ステップ「%1」が失敗しました: %2</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>コマンド: %1</translation>
    </message>
    <message>
        <source>Stopped after step %1, as asked. Press Run to go on.</source>
        <translation>指定どおりステップ %1 の後で止まりました。続けるには「実行」を押してください。</translation>
    </message>
    <message>
        <source>Every step is done. Next shows the verification.</source>
        <translation>すべてのステップが完了しました。「次へ」で検証結果を表示します。</translation>
    </message>
</context>
<context>
    <name>RunStepModel</name>
    <message>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>skipped (already in place)</source>
        <translation>スキップ(すでに済み)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>No free TCP port was found on 127.0.0.1. Stop some servers and try again.</source>
        <translation>127.0.0.1 で空いている TCP ポートが見つかりませんでした。いくつかのサーバを停止してから再実行してください。</translation>
    </message>
    <message>
        <source>There is no sandbox in %1. Run &apos;replicactl sandbox up&apos; to make one.</source>
        <translation>%1 にサンドボックスがありません。作成するには &apos;replicactl sandbox up&apos; を実行してください。</translation>
    </message>
    <message>
        <source>The sandbox file %1 cannot be read: %2. Run this as the user who made the sandbox.</source>
        <translation>サンドボックスのファイル %1 を読み込めません: %2。サンドボックスを作成したユーザで実行してください。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Give --dir a new or empty folder, or the folder of a sandbox.</source>
        <translation>%1 はフォルダではなくファイルです。--dir には新しいフォルダか空のフォルダ、またはサンドボックスのフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 already holds other files and no sandbox. Give --dir a new or empty folder.</source>
        <translation>フォルダ %1 にはサンドボックス以外のファイルがすでにあります。--dir には新しいフォルダか空のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The folder %1 has too long a path for the servers&apos; Unix sockets (at most %2 bytes in all). Give --dir a shorter path.</source>
        <translation>フォルダ %1 のパスは、サーバの Unix ドメインソケットに使うには長すぎます（全体で最大 %2 バイト）。--dir にもっと短いパスを指定してください。</translation>
    </message>
    <message>
        <source>Run as root, the sandbox runs its servers as the postgres system user, and there is none here. Install PostgreSQL&apos;s server package, or run this as a normal user.</source>
        <translation>root で実行すると、サンドボックスはサーバを postgres システムユーザで動かしますが、このマシンにはそのユーザがいません。PostgreSQL のサーバパッケージをインストールするか、一般ユーザで実行してください。</translation>
    </message>
    <message>
        <source>The postgres system user, who runs the sandbox&apos;s servers, cannot enter %1, so it could not reach %2. Choose a folder it can reach with --dir (for example under /tmp or %3).</source>
        <translation>サンドボックスのサーバを動かす postgres システムユーザが %1 に入れないため、%2 にたどり着けません。このユーザが入れるフォルダを --dir で指定してください（例: /tmp や %3 の下）。</translation>
    </message>
    <message>
        <source>You cannot create %1: %2 is not writable for you. Choose another folder with --dir.</source>
        <translation>%1 を作成できません: %2 に書き込み権限がありません。--dir で別のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 runs PostgreSQL %2, not %3. Run &apos;replicactl sandbox reset --pg-bin %4&apos; to replace it, or choose another folder with --dir.</source>
        <translation>%1 のサンドボックスは PostgreSQL %3 ではなく %2 で動いています。置き換えるには &apos;replicactl sandbox reset --pg-bin %4&apos; を実行するか、--dir で別のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 is already running; it is reused as it is.</source>
        <translation>%1 のサンドボックスはすでに稼働しています。そのまま使います。</translation>
    </message>
    <message>
        <source>Started the primary on port %1.</source>
        <translation>ポート %1 でプライマリを起動しました。</translation>
    </message>
    <message>
        <source>Making a PostgreSQL %1 primary and standby in %2 (ports %3 and %4).</source>
        <translation>%2 に PostgreSQL %1 のプライマリとスタンバイを作成します（ポート %3 と %4）。</translation>
    </message>
    <message>
        <source>create the primary&apos;s data directory with initdb</source>
        <translation>initdb でプライマリのデータディレクトリを作成</translation>
    </message>
    <message>
        <source>initdb and settings</source>
        <translation>initdb と設定</translation>
    </message>
    <message>
        <source>primary start</source>
        <translation>プライマリの起動</translation>
    </message>
    <message>
        <source>role and slot</source>
        <translation>ロールとスロット</translation>
    </message>
    <message>
        <source>copy the primary with pg_basebackup</source>
        <translation>pg_basebackup でプライマリを複製</translation>
    </message>
    <message>
        <source>No pg_basebackup of PostgreSQL %1 or newer is installed, so the standby was cloned through the low-level backup API (%2 MB, WAL %3 to %4).</source>
        <translation>PostgreSQL %1 以降の pg_basebackup がインストールされていないため、低レベルバックアップ API でスタンバイを複製しました（%2 MB、WAL %3 から %4）。</translation>
    </message>
    <message>
        <source>standby start</source>
        <translation>スタンバイの起動</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>ストリーミング</translation>
    </message>
    <message>
        <source>Created the database %1 and its weather table with the San Francisco row.</source>
        <translation>データベース %1 と、San Francisco の行を持つ weather テーブルを作成しました。</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>synchronous, replayed</source>
        <translation>同期、適用済み</translation>
    </message>
    <message>
        <source>replayed</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>create the sandbox folder %1</source>
        <translation>サンドボックスのフォルダ %1 を作成</translation>
    </message>
    <message>
        <source>Created the folder %1.</source>
        <translation>フォルダ %1 を作成しました。</translation>
    </message>
    <message>
        <source>give the folder %1 to the postgres user</source>
        <translation>フォルダ %1 の所有者を postgres ユーザにする</translation>
    </message>
    <message>
        <source>The user %1, who runs the sandbox&apos;s servers, cannot reach the folder %2: a folder above it is closed to that user. Choose a folder that user can enter with --dir (for example under /tmp or %3).</source>
        <translation>サンドボックスのサーバを動かすユーザ %1 がフォルダ %2 にたどり着けません。上位のフォルダがこのユーザに閉じられています。このユーザが入れるフォルダを --dir で指定してください（例: /tmp や %3 の下）。</translation>
    </message>
    <message>
        <source>create the socket folder</source>
        <translation>ソケット用フォルダを作成</translation>
    </message>
    <message>
        <source>remove the sandbox&apos;s files in %1</source>
        <translation>%1 にあるサンドボックスのファイルを削除</translation>
    </message>
    <message>
        <source>Removed the sandbox&apos;s files in %1.</source>
        <translation>%1 にあるサンドボックスのファイルを削除しました。</translation>
    </message>
    <message>
        <source>check %1&apos;s settings with postgres -C</source>
        <translation>postgres -C で %1 の設定を確認</translation>
    </message>
    <message>
        <source>remove %1&apos;s stale lock files</source>
        <translation>%1 の古いロックファイルを削除</translation>
    </message>
    <message>
        <source>%1 had stopped without cleaning up (process %2 is gone); removed its stale postmaster.pid.</source>
        <translation>%1 は後始末をせずに停止していました（プロセス %2 は存在しません）。古い postmaster.pid を削除しました。</translation>
    </message>
    <message>
        <source>Port %1 of the %2 is taken by another program; the %2 moves to port %3.</source>
        <translation>%2 のポート %1 は別のプログラムが使用しているため、%2 はポート %3 に移ります。</translation>
    </message>
    <message>
        <source>start %1 (see %2)</source>
        <translation>%1 を起動（%2 を参照）</translation>
    </message>
    <message>
        <source>stop %1</source>
        <translation>%1 を停止</translation>
    </message>
    <message>
        <source>run SQL on %1</source>
        <translation>%1 で SQL を実行</translation>
    </message>
    <message>
        <source>The primary reported no WAL position.</source>
        <translation>プライマリが WAL 位置を報告しませんでした。</translation>
    </message>
    <message>
        <source>Set synchronous_standby_names = &apos;%1&apos; on the primary and reloaded it.</source>
        <translation>プライマリで synchronous_standby_names = &apos;%1&apos; を設定し、リロードしました。</translation>
    </message>
    <message>
        <source>The primary still reports a synchronous standby after 10 s. Check its log in %1.</source>
        <translation>10 秒経ってもプライマリはまだ同期スタンバイを報告しています。%1 にあるログを確認してください。</translation>
    </message>
    <message>
        <source>There is no sandbox in %1; nothing to stop.</source>
        <translation>%1 にサンドボックスはありません。停止するものはありません。</translation>
    </message>
    <message>
        <source>%1 was not running.</source>
        <translation>%1 は稼働していませんでした。</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>%1 を停止しました。</translation>
    </message>
    <message>
        <source>The primary is not running. Run &apos;replicactl sandbox up&apos; first.</source>
        <translation>プライマリが稼働していません。先に &apos;replicactl sandbox up&apos; を実行してください。</translation>
    </message>
    <message>
        <source>Dropped the slot %1 on the old primary, so that it does not keep WAL for a standby that is gone.</source>
        <translation>旧プライマリのスロット %1 を削除しました。もう存在しないスタンバイのために WAL を保持し続けないようにするためです。</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ミリ秒</translation>
    </message>
    <message>
        <source>The sandbox file describes its %1 incompletely. Run &apos;replicactl sandbox reset&apos; to make a fresh pair.</source>
        <translation>サンドボックスのファイルにある %1 の記述が不完全です。&apos;replicactl sandbox reset&apos; を実行して新しいペアを作ってください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 was written by another version of Replica Studio (format %2). Remove the folder or choose another one with --dir.</source>
        <translation>%1 のサンドボックスは別のバージョンの Replica Studio で書かれています（形式 %2）。フォルダを削除するか、--dir で別のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The sandbox file in %1 names no valid PostgreSQL version. Run &apos;replicactl sandbox reset&apos;.</source>
        <translation>%1 のサンドボックスのファイルに有効な PostgreSQL のバージョンがありません。&apos;replicactl sandbox reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>The sandbox file in %1 names no PostgreSQL programs. Run &apos;replicactl sandbox reset&apos;.</source>
        <translation>%1 のサンドボックスのファイルに PostgreSQL のプログラムの指定がありません。&apos;replicactl sandbox reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>The folder %1 holds a sandbox.json that Replica Studio did not write, so it is not a sandbox of this program and nothing in it is touched. Choose another folder with --dir.</source>
        <translation>フォルダ %1 にある sandbox.json は Replica Studio が書いたものではありません。このプログラムのサンドボックスではないため、中身には一切触れません。--dir で別のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 could not be brought up; its files are kept as they are. %2 Fix what the lines below say (a setting in postgresql.conf, say) and run &apos;replicactl sandbox up&apos; again, or run &apos;replicactl sandbox reset&apos; to throw this sandbox away for a fresh pair.</source>
        <translation>%1 のサンドボックスを起動できませんでした。ファイルはそのまま残しています。%2 以下の行に書かれている問題（postgresql.conf のパラメータなど）を修正して &apos;replicactl sandbox up&apos; をもう一度実行するか、&apos;replicactl sandbox reset&apos; を実行してこのサンドボックスを破棄し、新しいペアを作ってください。</translation>
    </message>
    <message>
        <source>A sandbox has 1 to %1 standbys, not %2. Give --standbys a number from 1 to %1.</source>
        <translation>サンドボックスのスタンバイは 1 から %1 台で、%2 台にはできません。--standbys には 1 から %1 までの数を指定してください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 has %2 standby(s), not %3. Run &apos;replicactl sandbox reset --standbys %3&apos; to replace it, or choose another folder with --dir.</source>
        <translation>%1 のサンドボックスのスタンバイは %3 台ではなく %2 台です。置き換えるには &apos;replicactl sandbox reset --standbys %3&apos; を実行するか、--dir で別のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>--synchronous-standby-names: %1</source>
        <translation>--synchronous-standby-names: %1</translation>
    </message>
    <message>
        <source>Started %1 on port %2.</source>
        <translation>ポート %2 で %1 を起動しました。</translation>
    </message>
    <message>
        <source>A standby was promoted earlier: the sandbox has two primaries. Run &apos;replicactl sandbox reset&apos; for a fresh sandbox.</source>
        <translation>以前にスタンバイが昇格されたため、サンドボックスにはプライマリが 2 台あります。新しいサンドボックスを作るには &apos;replicactl sandbox reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>Making a PostgreSQL %1 primary and %2 standbys in %3 (port %4; standbys on %5).</source>
        <translation>%3 に PostgreSQL %1 のプライマリ 1 台とスタンバイ %2 台を作成します（ポート %4、スタンバイは %5）。</translation>
    </message>
    <message>
        <source>base backup</source>
        <translation>ベースバックアップ</translation>
    </message>
    <message>
        <source>copies for the other standbys</source>
        <translation>他のスタンバイ用のコピー</translation>
    </message>
    <message>
        <source>standby settings</source>
        <translation>スタンバイの設定</translation>
    </message>
    <message>
        <source>The standbys stream asynchronously.</source>
        <translation>スタンバイは非同期でストリーミングしています。</translation>
    </message>
    <message>
        <source>%1 streams synchronously: a commit on the primary returns once it has flushed it.</source>
        <translation>%1 は同期でストリーミングしています。プライマリでのコミットは、%1 がそれをフラッシュした時点で戻ります。</translation>
    </message>
    <message>
        <source>Replication is synchronous as synchronous_standby_names = &apos;%1&apos; says.</source>
        <translation>レプリケーションは synchronous_standby_names = &apos;%1&apos; の指定どおり同期です。</translation>
    </message>
    <message>
        <source>Created the role %1 (LOGIN REPLICATION, %2 password) and the slot(s) %3.</source>
        <translation>ロール %1（LOGIN REPLICATION、%2 パスワード）とスロット %3 を作成しました。</translation>
    </message>
    <message>
        <source>copy the first standby&apos;s base backup for the others</source>
        <translation>最初のスタンバイのベースバックアップを他のスタンバイ用にコピー</translation>
    </message>
    <message>
        <source>%1 did not start streaming from the primary within %2 s. Its log (%3) says why; &apos;replicactl sandbox reset&apos; makes a fresh sandbox.</source>
        <translation>%1 は %2 秒以内にプライマリからのストリーミングを開始しませんでした。原因はログ（%3）を確認してください。&apos;replicactl sandbox reset&apos; で新しいサンドボックスを作成できます。</translation>
    </message>
    <message>
        <source>%1 did not replay the primary&apos;s changes within %2 s. Its log (%3) says why.</source>
        <translation>%1 は %2 秒以内にプライマリの変更を適用しませんでした。原因はログ（%3）を確認してください。</translation>
    </message>
    <message>
        <source>Cleared synchronous_standby_names on the primary and reloaded it: commits no longer wait for a standby.</source>
        <translation>プライマリの synchronous_standby_names を空にしてリロードしました。コミットはもうスタンバイを待ちません。</translation>
    </message>
    <message>
        <source>The primary did not report a synchronous standby within 10 s. Check the logs in %1.</source>
        <translation>プライマリは 10 秒以内に同期スタンバイを報告しませんでした。%1 にあるログを確認してください。</translation>
    </message>
    <message>
        <source>The sandbox in %1 has no standby named &apos;%2&apos;. Its standbys: %3.</source>
        <translation>%1 のサンドボックスに &apos;%2&apos; という名前のスタンバイはありません。このサンドボックスのスタンバイ: %3。</translation>
    </message>
    <message>
        <source>The primary is synchronous: if it counted on %1, its commits now wait until %1 is back. Start it again (start-standby) or switch to asynchronous (async) to release them.</source>
        <translation>プライマリは同期レプリケーションです。%1 を同期の対象にしていた場合、プライマリのコミットは %1 が戻るまで待ちます。待っているコミットを解放するには、%1 を再び起動する（start-standby）か、非同期に切り替えて（async）ください。</translation>
    </message>
    <message>
        <source>%1 was already running.</source>
        <translation>%1 はすでに稼働していました。</translation>
    </message>
    <message>
        <source>%1 streams from the primary again.</source>
        <translation>%1 は再びプライマリからストリーミングしています。</translation>
    </message>
    <message>
        <source>%1 is not running as a standby. Start it with &apos;replicactl sandbox start-standby&apos;, or &apos;reset&apos; after a promote.</source>
        <translation>%1 はスタンバイとして稼働していません。&apos;replicactl sandbox start-standby&apos; で起動するか、昇格した後であれば &apos;reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>Paused replay on %1 (%2()): it still receives WAL but applies none, so new rows stay invisible there until resume-replay.</source>
        <translation>%1 でリカバリ適用を一時停止しました（%2()）。WAL の受信は続けますが何も適用しないため、resume-replay するまで新しい行はそこでは見えません。</translation>
    </message>
    <message>
        <source>Resumed replay on %1 (%2()).</source>
        <translation>%1 でリカバリ適用を再開しました（%2()）。</translation>
    </message>
    <message>
        <source>A standby was promoted: the sandbox has two primaries. Run &apos;replicactl sandbox reset&apos; for a fresh sandbox.</source>
        <translation>スタンバイが昇格されたため、サンドボックスにはプライマリが 2 台あります。新しいサンドボックスを作るには &apos;replicactl sandbox reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>%1 does not stream now, so with synchronous replication every commit on the primary would wait. Start it first with &apos;replicactl sandbox start-standby&apos;.</source>
        <translation>%1 は現在ストリーミングしていないため、同期レプリケーションにするとプライマリでのすべてのコミットが待たされます。先に &apos;replicactl sandbox start-standby&apos; で起動してください。</translation>
    </message>
    <message>
        <source>No standby streams now, so with synchronous replication every commit on the primary would wait. Start one first with &apos;replicactl sandbox start-standby&apos;.</source>
        <translation>現在ストリーミングしているスタンバイがないため、同期レプリケーションにするとプライマリでのすべてのコミットが待たされます。先に &apos;replicactl sandbox start-standby&apos; でいずれかを起動してください。</translation>
    </message>
    <message>
        <source>%1 was promoted already. Run &apos;replicactl sandbox reset&apos; for a fresh sandbox.</source>
        <translation>%1 はすでに昇格されています。新しいサンドボックスを作るには &apos;replicactl sandbox reset&apos; を実行してください。</translation>
    </message>
    <message>
        <source>%1 is not running. Start it with &apos;replicactl sandbox start-standby&apos; first.</source>
        <translation>%1 は稼働していません。先に &apos;replicactl sandbox start-standby&apos; で起動してください。</translation>
    </message>
    <message>
        <source>promote %1</source>
        <translation>%1 を昇格</translation>
    </message>
    <message>
        <source>%1 did not finish its promotion within 30 s. See %2.</source>
        <translation>%1 の昇格が 30 秒以内に完了しませんでした。%2 を確認してください。</translation>
    </message>
    <message>
        <source>Promoted %1: it now accepts writes on port %2, on a new timeline. The old primary keeps running on its own; the two no longer replicate.</source>
        <translation>%1 を昇格しました。新しいタイムライン上で、ポート %2 で書き込みを受け付けます。旧プライマリは単独で稼働し続け、両者の間ではもうレプリケーションは行われません。</translation>
    </message>
    <message>
        <source>The sandbox file names no standbys, or more than five. Run &apos;replicactl sandbox reset&apos; to make a fresh sandbox.</source>
        <translation>サンドボックスのファイルにスタンバイが 1 台もないか、5 台を超えています。&apos;replicactl sandbox reset&apos; を実行して新しいサンドボックスを作ってください。</translation>
    </message>
    <message>
        <source>The %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>the %1</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>SandboxView</name>
    <message>
        <source>Demo sandbox: PostgreSQL %1, synchronous replication</source>
        <translation>デモ用サンドボックス: PostgreSQL %1、同期レプリケーション</translation>
    </message>
    <message>
        <source>Demo sandbox: PostgreSQL %1, asynchronous replication</source>
        <translation>デモ用サンドボックス: PostgreSQL %1、非同期レプリケーション</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>フォルダ: %1</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>サーバ</translation>
    </message>
    <message>
        <source>Connect with psql</source>
        <translation>psql で接続</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connecting to the servers...</source>
        <translation>サーバに接続しています...</translation>
    </message>
    <message>
        <source>Start the sandbox again with: %1</source>
        <translation>サンドボックスを再び起動するには: %1</translation>
    </message>
    <message>
        <source>Updated %1, every second. Closing the window leaves the sandbox running; &quot;%2&quot; stops it.</source>
        <translation>%1 に更新（毎秒）。ウィンドウを閉じてもサンドボックスは動き続けます。停止するには &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>Start the standby again: Sandbox &gt; Start the standby, or %1</source>
        <translation>スタンバイを再び起動してください: サンドボックス &gt; スタンバイを起動、または %1</translation>
    </message>
    <message>
        <source>Resume replay: Sandbox &gt; Resume replay, or %1</source>
        <translation>リカバリ適用を再開してください: サンドボックス &gt; リカバリ適用を再開、または %1</translation>
    </message>
    <message>
        <source>The standby was promoted. Make a fresh pair: Sandbox &gt; Reset to a fresh pair, or %1</source>
        <translation>スタンバイは昇格されました。新しいペアを作成してください: サンドボックス &gt; 新しいペアにリセット、または %1</translation>
    </message>
    <message>
        <source>Start %1 again: Sandbox &gt; Start the standby &gt; %1, or %2</source>
        <translation>%1 を再び起動してください: サンドボックス &gt; スタンバイを起動 &gt; %1、または %2</translation>
    </message>
    <message>
        <source>Resume replay on %1: Sandbox &gt; Resume replay &gt; %1, or %2</source>
        <translation>%1 でリカバリ適用を再開してください: サンドボックス &gt; リカバリ適用を再開 &gt; %1、または %2</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>鍵のパスフレーズ</translation>
    </message>
    <message>
        <source>Login password</source>
        <translation>ログインパスワード</translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase. Type it to log in to %2; it is kept only while this window is open.</source>
        <translation>鍵 %1 はパスフレーズで保護されています。%2 にログインするために入力してください。このウィンドウを開いている間だけ保持します。</translation>
    </message>
    <message>
        <source>%1 asks for a password. Type the login password; it is kept only while this window is open.</source>
        <translation>%1 がパスワードを求めています。ログインパスワードを入力してください。このウィンドウを開いている間だけ保持します。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No system keychain answered (%1). Passwords are kept in memory until the program quits and will be asked for again next time; start a keychain service (GNOME Keyring or KWallet) to keep them.</source>
        <translation>システムのキーチェーンが応答しませんでした（%1）。パスワードはプログラムの終了までメモリ上に保持され、次回また入力を求められます。パスワードを保存するには、キーチェーンサービス（GNOME Keyring または KWallet）を起動してください。</translation>
    </message>
    <message>
        <source>The keychain did not keep the password: %1</source>
        <translation>キーチェーンにパスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The keychain did not give the password: %1</source>
        <translation>キーチェーンからパスワードを取得できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>ServerControl</name>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 の %2 行目: %3</translation>
    </message>
    <message>
        <source>The %1 server is not running, so pg_hba.conf cannot be checked before it starts.</source>
        <translation>%1 サーバが稼働していないため、起動前に pg_hba.conf を検査できません。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 cannot check pg_hba.conf before it takes effect (pg_hba_file_rules came in 10): after this, look at the %2&apos;s log for &quot;could not load pg_hba.conf&quot;.</source>
        <translation>PostgreSQL %1 では、反映前に pg_hba.conf を検査できません（pg_hba_file_rules は 10 で導入）。この後、%2 のログに &quot;could not load pg_hba.conf&quot; がないか確認してください。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>PostgreSQL on the %1 would not load its configuration files, so the server was not reloaded or restarted and runs on as it was. %2. Correct or remove that line (it may have been there before this setup), then run the setup again.</source>
        <translation>%1 の PostgreSQL が設定ファイルを読み込めないため、サーバのリロードも再起動も行わず、元のまま動かしています。%2。その行を修正または削除してから（この構築の前からあった行かもしれません）、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>restart the %1</source>
        <translation>%1 を再起動</translation>
    </message>
    <message>
        <source>The %1 did not come back: putting its previous files back and starting it again.</source>
        <translation>%1 が復帰しませんでした。以前のファイルを元に戻して、再び起動します。</translation>
    </message>
    <message>
        <source>start the %1 again</source>
        <translation>%1 を再び起動</translation>
    </message>
    <message>
        <source>The restart of the %1 failed: %2</source>
        <translation>%1 の再起動に失敗しました: %2</translation>
    </message>
    <message>
        <source>The files this run changed were given their previous content back: %1.</source>
        <translation>この実行で変更したファイルは以前の内容に戻しました: %1。</translation>
    </message>
    <message>
        <source>Some could not be restored: %1.</source>
        <translation>一部は元に戻せませんでした: %1。</translation>
    </message>
    <message>
        <source>The %1 was started again on them and answers queries. Read its log lines below, correct the cause, then run the setup again.</source>
        <translation>%1 はそれらのファイルで再び起動し、問い合わせに応答しています。以下のログの行を読んで原因を修正してから、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>Starting it again failed too (%1): start it by hand with %2 once the cause in its log is corrected.</source>
        <translation>再び起動することにも失敗しました（%1）。ログに示された原因を修正したら、%2 で手動で起動してください。</translation>
    </message>
    <message>
        <source>The %1 server is not running: it reads the new files when it starts.</source>
        <translation>%1 サーバは稼働していません。新しいファイルは起動時に読み込まれます。</translation>
    </message>
    <message>
        <source>start the %1</source>
        <translation>%1 を起動</translation>
    </message>
    <message>
        <source>The first start of the %1 failed: %2</source>
        <translation>%1 の初回起動に失敗しました: %2</translation>
    </message>
</context>
<context>
    <name>ServerListModel</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>スタンバイ</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>プライマリ</translation>
    </message>
    <message>
        <source>connecting...</source>
        <translation>接続中...</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>up, replay paused</source>
        <translation>稼働中、リカバリ適用は一時停止中</translation>
    </message>
    <message>
        <source>up</source>
        <translation>稼働中</translation>
    </message>
    <message>
        <source>writes at %1</source>
        <translation>書き込み位置 %1</translation>
    </message>
    <message>
        <source>received %1, replayed %2</source>
        <translation>受信 %1、適用 %2</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>WAL position</source>
        <translation>WAL 位置</translation>
    </message>
</context>
<context>
    <name>ServiceUnitStep</name>
    <message>
        <source>Start the server at boot: a systemd unit</source>
        <translation>OS の起動時にサーバを起動: systemd ユニット</translation>
    </message>
    <message>
        <source>systemd reads the unit first; a unit it finds fault with is restored and nothing is enabled.</source>
        <translation>まず systemd がユニットを読み込んで検査します。問題が見つかったユニットは元に戻し、何も有効にしません。</translation>
    </message>
    <message>
        <source>systemd takes the new unit in.</source>
        <translation>systemd に新しいユニットを読み込ませます。</translation>
    </message>
    <message>
        <source>The server starts at boot.</source>
        <translation>OS の起動時にサーバが起動するようになります。</translation>
    </message>
    <message>
        <source>The edited unit %1 no longer starts the cluster in %2. Keep its ExecStart line with the data directory.</source>
        <translation>編集したユニット %1 では、%2 のクラスタが起動されなくなっています。データディレクトリを指定した ExecStart 行は残してください。</translation>
    </message>
    <message>
        <source>systemd finds fault with the unit %1 on the %2; it was restored. Correct it and run the setup again.</source>
        <translation>%2 のユニット %1 に systemd が問題を検出したため、元に戻しました。修正してから、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>make systemd read the new unit</source>
        <translation>systemd に新しいユニットを読み込ませる</translation>
    </message>
    <message>
        <source>enable the unit so that the server starts at boot</source>
        <translation>ユニットを有効にして、OS の起動時にサーバが起動するようにする</translation>
    </message>
</context>
<context>
    <name>SettingGrammar</name>
    <message>
        <source>the list syntax is invalid</source>
        <translation>リストの構文が不正です</translation>
    </message>
    <message>
        <source>the number of synchronous standbys (%1) must be greater than zero</source>
        <translation>同期スタンバイの数（%1）は 0 より大きくなければなりません</translation>
    </message>
    <message>
        <source>standby names separated by commas, FIRST n (names) or ANY n (names)</source>
        <translation>カンマ区切りのスタンバイ名、FIRST n (names)、または ANY n (names)</translation>
    </message>
    <message>
        <source>standby names separated by commas</source>
        <translation>カンマ区切りのスタンバイ名</translation>
    </message>
    <message>
        <source>%1. Write %2; double-quote a name that has spaces or capitals.</source>
        <translation>%1。%2 の形式で書いてください。空白や大文字を含む名前は二重引用符で囲んでください。</translation>
    </message>
    <message>
        <source>PostgreSQL cannot read it as a list of libraries. Separate the names with commas and double-quote a name that has spaces.</source>
        <translation>PostgreSQL はこれをライブラリのリストとして読み取れません。名前はカンマで区切り、空白を含む名前は二重引用符で囲んでください。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Closing the window keeps watching the clusters from the tray</source>
        <translation>ウィンドウを閉じてもトレイからクラスタの監視を続ける</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>A new language takes effect the next time the program starts.</source>
        <translation>新しい言語は、次回プログラムを起動したときに反映されます。</translation>
    </message>
</context>
<context>
    <name>SetupPlan</name>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Neither host has PostgreSQL installed. Choose the major version to install (for example --pg-version 15).</source>
        <translation>どちらのホストにも PostgreSQL がインストールされていません。インストールするメジャーバージョンを選んでください（例: --pg-version 15）。</translation>
    </message>
    <message>
        <source>Could not find the standby&apos;s IP address for pg_hba.conf. Give it explicitly (the standby&apos;s address as the primary sees it).</source>
        <translation>pg_hba.conf に使うスタンバイの IP アドレスが見つかりませんでした。明示的に指定してください（プライマリから見たスタンバイのアドレス）。</translation>
    </message>
    <message>
        <source>As in the walkthrough: the standby connects as the postgres superuser with md5 and application_name &quot;%1&quot;. This is weaker than the default (a replicator role that may only replicate, scram-sha-256); use it for teaching only.</source>
        <translation>ウォークスルーと同じく、スタンバイは postgres スーパーユーザとして md5、application_name &quot;%1&quot; で接続します。デフォルト（レプリケーションしかできない replicator ロール、scram-sha-256）より安全性が低いので、学習用にのみ使ってください。</translation>
    </message>
    <message>
        <source>The clocks of the two hosts differ by %1 s: lag times shown later will be off. Synchronise them (NTP).</source>
        <translation>2台のホストの時刻が %1 秒ずれています。後で表示される遅延時間が不正確になります。時刻を同期してください（NTP）。</translation>
    </message>
    <message>
        <source>The standby has less than 1 GB free for the copy of the primary.</source>
        <translation>スタンバイにはプライマリを複製するための空き容量が 1 GB 未満しかありません。</translation>
    </message>
    <message>
        <source>The plan has no step &quot;%1&quot;.</source>
        <translation>プランにステップ &quot;%1&quot; はありません。</translation>
    </message>
    <message>
        <source>This file is not a Replica Studio setup plan.</source>
        <translation>このファイルは Replica Studio の構築プランではありません。</translation>
    </message>
    <message>
        <source>This plan was saved by a newer Replica Studio. Update the program to apply it.</source>
        <translation>このプランは新しいバージョンの Replica Studio で保存されています。適用するにはプログラムを更新してください。</translation>
    </message>
    <message>
        <source>The saved plan has an invalid choice, so nothing was changed: %1</source>
        <translation>保存したプランに不正な選択があるため、何も変更しませんでした: %1</translation>
    </message>
    <message>
        <source>The saved plan has an invalid edit in step &quot;%1&quot;, so nothing was changed: %2</source>
        <translation>保存したプランのステップ &quot;%1&quot; に不正な編集があるため、何も変更しませんでした: %2</translation>
    </message>
    <message>
        <source>Could not write the plan to %1. Choose a folder you can write to.</source>
        <translation>プランを %1 に書き込めませんでした。書き込めるフォルダを選んでください。</translation>
    </message>
    <message>
        <source>Could not read the plan %1.</source>
        <translation>プラン %1 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>%1 is not a valid plan file (JSON error at offset %2).</source>
        <translation>%1 は正しいプランファイルではありません（オフセット %2 で JSON エラー）。</translation>
    </message>
    <message>
        <source>Setup plan: primary %1, standby %2, PostgreSQL %3, %4
</source>
        <translation>構築プラン: プライマリ %1、スタンバイ %2、PostgreSQL %3、%4
</translation>
    </message>
    <message>
        <source>synchronous</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>asynchronous</source>
        <translation>非同期</translation>
    </message>
    <message>
        <source>Replication role %1 (%2), slot %3, application_name %4
</source>
        <translation>レプリケーション用ロール %1（%2）、スロット %3、application_name %4
</translation>
    </message>
    <message>
        <source>(none before 9.4)</source>
        <translation>（9.4 より前はなし）</translation>
    </message>
    <message>
        <source>Primary data directory %1 (configuration in %2), standby data directory %3
</source>
        <translation>プライマリのデータディレクトリ %1（設定ファイルは %2）、スタンバイのデータディレクトリ %3
</translation>
    </message>
    <message>
        <source>Warning: %1
</source>
        <translation>警告: %1
</translation>
    </message>
    <message>
        <source>      stdin: %1
</source>
        <translation>      標準入力: %1
</translation>
    </message>
    <message>
        <source>   [%1] %2: created empty
</source>
        <translation>   [%1] %2: 空で作成
</translation>
    </message>
    <message>
        <source>   [%1] %2 (made by an earlier step; the diff is against what it is expected to hold):
</source>
        <translation>   [%1] %2（前のステップで作成。差分はそのステップ後に想定される内容との比較）:
</translation>
    </message>
    <message>
        <source>   [%1] %2: already as wanted, unchanged
</source>
        <translation>   [%1] %2: すでに期待どおりのため変更なし
</translation>
    </message>
    <message>
        <source> (edited by you)</source>
        <translation>（編集済み）</translation>
    </message>
    <message>
        <source>The %1 has a PostgreSQL %2 cluster (%3), not %4: primary and standby must run the same major version. Choose PostgreSQL %2 for both, or upgrade the %1 first.</source>
        <translation>%1 にあるのは PostgreSQL %4 ではなく PostgreSQL %2 のクラスタ（%3）です。プライマリとスタンバイは同じメジャーバージョンで動かす必要があります。両方に PostgreSQL %2 を選ぶか、先に %1 をアップグレードしてください。</translation>
    </message>
    <message>
        <source>The %1 has PostgreSQL %2, not %3: primary and standby must run the same major version. Install PostgreSQL %3 on the %1 (or let the setup install it: replicactl setup --install), or choose another version.</source>
        <translation>%1 にあるのは PostgreSQL %3 ではなく PostgreSQL %2 です。プライマリとスタンバイは同じメジャーバージョンで動かす必要があります。%1 に PostgreSQL %3 をインストールする（または構築時にインストールさせる: replicactl setup --install）か、別のバージョンを選んでください。</translation>
    </message>
    <message>
        <source>The %1 has no PostgreSQL installed. Install PostgreSQL %2 there, or let the setup install it (replicactl setup --install; the plan shows the package commands).</source>
        <translation>%1 には PostgreSQL がインストールされていません。%1 に PostgreSQL %2 をインストールするか、構築時にインストールさせてください（replicactl setup --install。パッケージのコマンドはプランに表示されます）。</translation>
    </message>
    <message>
        <source>The %1 runs a PostgreSQL %2 cluster on port %3, and the plan is for %4. Stop it, choose another port, or choose PostgreSQL %2.</source>
        <translation>%1 ではポート %3 で PostgreSQL %2 のクラスタが動いていますが、プランは PostgreSQL %4 用です。そのクラスタを停止するか、別のポートを選ぶか、PostgreSQL %2 を選んでください。</translation>
    </message>
    <message>
        <source>list %1</source>
        <translation>%1 の一覧を取得</translation>
    </message>
    <message>
        <source>%1 on the %2 is not what it was when the plan was made, so the plan&apos;s diffs no longer show what would change, and nothing was changed. Make the plan again.</source>
        <translation>%2 の %1 はプラン作成時の内容から変わっているため、プランの差分はもう実際の変更を表していません。何も変更していません。プランを作り直してください。</translation>
    </message>
    <message>
        <source>the plan has no such file edit. Make the plan again.</source>
        <translation>プランにそのようなファイル編集はありません。プランを作り直してください。</translation>
    </message>
    <message>
        <source>it names %1 on the %2, where the plan edits %3 on the %4. Make the plan again.</source>
        <translation>%2 の %1 を指定していますが、プランが編集するのは %4 の %3 です。プランを作り直してください。</translation>
    </message>
    <message>
        <source>its before text of %1 on the %2 is not what the plan starts from (the file saved with the plan, with the earlier steps&apos; edits in it). Edit only the after texts, or make the plan again.</source>
        <translation>%2 の %1 の変更前テキストが、プランの出発点（プランと一緒に保存されたファイルに、それより前のステップの編集を加えたもの）と一致しません。変更後のテキストだけを編集するか、プランを作り直してください。</translation>
    </message>
    <message>
        <source>Looking at %1: the system, PostgreSQL, its clusters and free disk.</source>
        <translation>%1 を調査中: システム、PostgreSQL、クラスタ、ディスクの空き。</translation>
    </message>
    <message>
        <source>Reading the configuration files of %1 and %2.</source>
        <translation>%1 と %2 の設定ファイルを読み込み中。</translation>
    </message>
    <message>
        <source>Looking at the standby&apos;s data directory %1.</source>
        <translation>スタンバイのデータディレクトリ %1 を調査中。</translation>
    </message>
    <message>
        <source>Checking that the standby reaches the primary at %1:%2.</source>
        <translation>スタンバイからプライマリ %1:%2 に届くか確認中。</translation>
    </message>
    <message>
        <source>There is no postgres program in %1 on the %2. Name the directory that holds postgres, initdb and pg_ctl of PostgreSQL %3.</source>
        <translation>%2 の %1 には postgres プログラムがありません。PostgreSQL %3 の postgres、initdb、pg_ctl があるディレクトリを指定してください。</translation>
    </message>
    <message>
        <source>%1 on the %2 holds PostgreSQL %3, and the plan is for %4. Name the directory of PostgreSQL %4, or choose PostgreSQL %3.</source>
        <translation>%2 の %1 にあるのは PostgreSQL %3 ですが、プランは PostgreSQL %4 用です。PostgreSQL %4 のディレクトリを指定するか、PostgreSQL %3 を選んでください。</translation>
    </message>
    <message>
        <source>The %1 uses %2.
</source>
        <translation>%1 で使うインストール: %2。
</translation>
    </message>
    <message>
        <source>The %1: %2
</source>
        <translation>%1: %2
</translation>
    </message>
    <message>
        <source>   [%1] %2: the line for the password of %3 (mode 0600, owner postgres; the password is not shown)
</source>
        <translation>   [%1] %2: %3 のパスワードの行（モード 0600、所有者 postgres。パスワードは表示しません）
</translation>
    </message>
</context>
<context>
    <name>SetupStep</name>
    <message>
        <source>The step &quot;%1&quot; has no file edit number %2.</source>
        <translation>ステップ &quot;%1&quot; にはファイル編集の %2 番がありません。</translation>
    </message>
    <message>
        <source>%1 does not exist yet (an earlier step makes it), so it cannot be edited by hand; change it after the setup.</source>
        <translation>%1 はまだ存在しない（前のステップで作成される）ため、手で編集できません。構築後に変更してください。</translation>
    </message>
    <message>
        <source>%1 on the %2: %3</source>
        <translation>%2 の %1: %3</translation>
    </message>
    <message>
        <source>The edited %1 no longer sets %2, which the replication needs. Put the line &quot;%2 = %3&quot; back.</source>
        <translation>編集後の %1 では、レプリケーションに必要な %2 が設定されていません。&quot;%2 = %3&quot; の行を戻してください。</translation>
    </message>
    <message>
        <source>%1 on the %2 changed since the plan was made, so your edit of it would overwrite that change. Make the plan again.</source>
        <translation>%2 の %1 はプランの作成後に変更されたため、あなたの編集がその変更を上書きしてしまいます。プランを作り直してください。</translation>
    </message>
    <message>
        <source>[%1] writing %2</source>
        <translation>[%1] %2 を書き込み中</translation>
    </message>
    <message>
        <source>[%1] restoring %2</source>
        <translation>[%1] %2 を復元中</translation>
    </message>
    <message>
        <source>%1 stays empty: its presence alone makes the server a standby, so there is nothing in it to edit.</source>
        <translation>%1 は空のままです。このファイルが存在するだけでサーバーはスタンバイになるため、編集する内容はありません。</translation>
    </message>
    <message>
        <source>You edited %1 on the %2 in the later step &quot;%3&quot; too, and that text starts from this one. Reset your edit in &quot;%3&quot; to the proposal first, then make this change again (or make it in &quot;%3&quot; only).</source>
        <translation>後のステップ「%3」でも %2 の %1 を編集しており、そのテキストはこのテキストを出発点にしています。先に「%3」での編集を提案の内容に戻してから、この変更をもう一度行ってください（または「%3」の中だけで変更してください）。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>New replication setup</source>
        <translation>新しいレプリケーションのセットアップ</translation>
    </message>
</context>
<context>
    <name>SlotStep</name>
    <message>
        <source>Replication slot &quot;%1&quot; on the primary</source>
        <translation>プライマリのレプリケーションスロット &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The slot makes the primary keep the WAL this standby still needs, even while it is disconnected.</source>
        <translation>スロットがあると、プライマリはこのスタンバイがまだ必要とする WAL を、スタンバイが切断している間も保持します。</translation>
    </message>
    <message>
        <source>Create the slot.</source>
        <translation>スロットを作成します。</translation>
    </message>
    <message>
        <source>A logical slot named &quot;%1&quot; exists on the primary. Choose another slot name.</source>
        <translation>プライマリに &quot;%1&quot; という名前の論理スロットがあります。別のスロット名を選んでください。</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>yes (pid %1)</source>
        <translation>はい（pid %1）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>reserved: within max_wal_size. extended: beyond it, kept for the slot. unreserved: may be removed at the next checkpoint. lost: removed; the standby cannot resume.</source>
        <translation>reserved: max_wal_size の範囲内。extended: それを超えているが、スロットのために保持されています。unreserved: 次のチェックポイントで削除される可能性があります。lost: 削除済みで、スタンバイは再開できません。</translation>
    </message>
    <message>
        <source>How much more WAL can be written before this slot is in danger of losing what it needs (max_slot_wal_keep_size); no limit when that is -1.</source>
        <translation>このスロットが必要な WAL を失う危険が出るまでに、あとどれだけ WAL を書けるか（max_slot_wal_keep_size）。-1 のときは制限なし。</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>スロット</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>WAL 状態</translation>
    </message>
    <message>
        <source>WAL held</source>
        <translation>保持 WAL</translation>
    </message>
    <message>
        <source>Safe WAL size</source>
        <translation>安全な WAL サイズ</translation>
    </message>
    <message>
        <source>Unused since</source>
        <translation>未使用になった時刻</translation>
    </message>
</context>
<context>
    <name>SshDestination</name>
    <message>
        <source>Could not read the SSH config file %1. Check that it exists and that you may read it.</source>
        <translation>SSH 設定ファイル %1 を読めませんでした。ファイルが存在し、読み取り権限があることを確認してください。</translation>
    </message>
    <message>
        <source>The SSH config gives Port &quot;%1&quot;: write a number from 1 to 65535.</source>
        <translation>SSH 設定の Port が &quot;%1&quot; になっています。1 から 65535 までの数値を書いてください。</translation>
    </message>
    <message>
        <source>The SSH config includes files more than %1 deep: an Include loop?</source>
        <translation>SSH 設定の Include が %1 段を超えて入れ子になっています。Include がループしていないか確認してください。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; is not [USER@]HOST[:PORT]: correct the ProxyJump line.</source>
        <translation>踏み台ホスト &quot;%1&quot; は [USER@]HOST[:PORT] の形ではありません。ProxyJump の行を直してください。</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1(%2 経由)</translation>
    </message>
</context>
<context>
    <name>SshHost</name>
    <message>
        <source>Could not start an SSH session (out of memory?).</source>
        <translation>SSH セッションを開始できませんでした（メモリ不足？）。</translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation>%1 への接続は取り消されました。</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. Check the address and port, that the machine is up and that no firewall drops SSH (port %3).</source>
        <translation>%1 が %2 秒以内に応答しませんでした。アドレスとポート、マシンが稼働していること、ファイアウォールが SSH（ポート %3）を破棄していないことを確認してください。</translation>
    </message>
    <message>
        <source>Could not connect to %1. Check the address and port, and that an SSH server runs there.</source>
        <translation>%1 に接続できませんでした。アドレスとポート、そこで SSH サーバが動いていることを確認してください。</translation>
    </message>
    <message>
        <source>%1 sent no usable host key.</source>
        <translation>%1 は使用できるホスト鍵を送ってきませんでした。</translation>
    </message>
    <message>
        <source>The host key of %1 is not the one recorded in %2; nothing was sent. This happens when the machine was reinstalled or its address now belongs to another machine, but it can also mean that someone intercepts the connection. Ask the machine&apos;s administrator for its key fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub on it). If it is %4, remove the old entry with &quot;ssh-keygen -R %5 -f %2&quot; and connect again.</source>
        <translation>%1 のホスト鍵が %2 に記録されているものと異なります。何も送信していません。マシンが再インストールされた場合や、そのアドレスが別のマシンのものになった場合に起こりますが、誰かが接続を傍受している可能性もあります。マシンの管理者に鍵のフィンガープリントを確認してください（そのマシンで ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub）。それが %4 なら、&quot;ssh-keygen -R %5 -f %2&quot; で古いエントリを削除してから再接続してください。</translation>
    </message>
    <message>
        <source>%1 is not known yet: its %2 key has the fingerprint %3. Compare it with the fingerprint shown on the machine itself (ssh-keygen -lf on its host key) and accept it only if they match.</source>
        <translation>%1 はまだ既知のホストではありません。その %2 鍵のフィンガープリントは %3 です。マシン自身で表示したフィンガープリント（ホスト鍵に対する ssh-keygen -lf）と比較し、一致する場合にだけ受け入れてください。</translation>
    </message>
    <message>
        <source>Could not add the key of %1 to %2. Check that the file is writable.</source>
        <translation>%1 の鍵を %2 に追加できませんでした。ファイルに書き込めることを確認してください。</translation>
    </message>
    <message>
        <source>Could not check the host key of %1 against %2.</source>
        <translation>%1 のホスト鍵を %2 と照合できませんでした。</translation>
    </message>
    <message>
        <source>The connection to %1 failed while logging in.</source>
        <translation>ログイン中に %1 との接続が失敗しました。</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>公開鍵</translation>
    </message>
    <message>
        <source>password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation>キーボードインタラクティブ</translation>
    </message>
    <message>
        <source>keys of ssh-agent (refused)</source>
        <translation>ssh-agent の鍵（拒否）</translation>
    </message>
    <message>
        <source>key %1 (no such file)</source>
        <translation>鍵 %1（ファイルなし）</translation>
    </message>
    <message>
        <source>key %1 (not accepted)</source>
        <translation>鍵 %1（受け入れられず）</translation>
    </message>
    <message>
        <source>key %1 (needs a passphrase, none given)</source>
        <translation>鍵 %1（パスフレーズが必要だが未指定）</translation>
    </message>
    <message>
        <source>key %1 (wrong passphrase or unreadable)</source>
        <translation>鍵 %1（パスフレーズが違うか読み込めない）</translation>
    </message>
    <message>
        <source>key %1 (refused)</source>
        <translation>鍵 %1（拒否）</translation>
    </message>
    <message>
        <source>password (refused)</source>
        <translation>パスワード（拒否）</translation>
    </message>
    <message>
        <source>keyboard-interactive with the password (refused)</source>
        <translation>パスワードによるキーボードインタラクティブ（拒否）</translation>
    </message>
    <message>
        <source>nothing that matches (no key file found, no password given)</source>
        <translation>該当するものなし（鍵ファイルが見つからず、パスワードも未指定）</translation>
    </message>
    <message>
        <source>no method we know</source>
        <translation>対応している方式なし</translation>
    </message>
    <message>
        <source>Could not run %1 on %2.</source>
        <translation>%2 で %1 を実行できませんでした。</translation>
    </message>
    <message>
        <source>Could not open a channel to %1.</source>
        <translation>%1 へのチャネルを開けませんでした。</translation>
    </message>
    <message>
        <source>Could not open a channel to %1: the connection was lost.</source>
        <translation>%1 へのチャネルを開けませんでした: 接続が失われました。</translation>
    </message>
    <message>
        <source>%1 refused to run %2.</source>
        <translation>%1 が %2 の実行を拒否しました。</translation>
    </message>
    <message>
        <source>Reading %1 on %2 failed midway.</source>
        <translation>%2 の %1 の読み込みが途中で失敗しました。</translation>
    </message>
    <message>
        <source>Writing %1 on %2 was cancelled; the file was left as it was.</source>
        <translation>%2 の %1 への書き込みは取り消されました。ファイルは元のままです。</translation>
    </message>
    <message>
        <source>Writing %1 on %2 failed midway; the file was left as it was.</source>
        <translation>%2 の %1 への書き込みが途中で失敗しました。ファイルは元のままです。</translation>
    </message>
    <message>
        <source>Could not run %1 on %2: the connection was lost.</source>
        <translation>%2 で %1 を実行できませんでした。接続が切れました。</translation>
    </message>
    <message>
        <source>key %1 (cannot be read: %2)</source>
        <translation>鍵 %1（読み込めない: %2）</translation>
    </message>
    <message>
        <source>key %1 (not a private key file)</source>
        <translation>鍵 %1（秘密鍵ファイルではない）</translation>
    </message>
    <message>
        <source>Check the user name and the password; this server takes no keys.</source>
        <translation>ユーザ名とパスワードを確認してください。このサーバは鍵を受け付けません。</translation>
    </message>
    <message>
        <source>Check the user name and the password, or add your public key to ~/.ssh/authorized_keys of %1 on that machine.</source>
        <translation>ユーザ名とパスワードを確認するか、そのマシンの %1 の ~/.ssh/authorized_keys に公開鍵を追加してください。</translation>
    </message>
    <message>
        <source>Check the user name; then add your public key to ~/.ssh/authorized_keys of %1 on that machine, name another key (replicactl: -i), or give the password (replicactl: --ssh-password-file).</source>
        <translation>ユーザ名を確認してください。そのうえで、そのマシンの %1 の ~/.ssh/authorized_keys に公開鍵を追加するか、別の鍵を指定する（replicactl: -i）か、パスワードを指定してください（replicactl: --ssh-password-file）。</translation>
    </message>
    <message>
        <source>Check the user name; then add your public key to ~/.ssh/authorized_keys of %1 on that machine, or name another key (replicactl: -i).</source>
        <translation>ユーザ名を確認してください。そのうえで、そのマシンの %1 の ~/.ssh/authorized_keys に公開鍵を追加するか、別の鍵を指定してください（replicactl: -i）。</translation>
    </message>
    <message>
        <source>This server takes no keys: give the password of %1 (replicactl: --ssh-password-file).</source>
        <translation>このサーバは鍵を受け付けません。%1 のパスワードを指定してください（replicactl: --ssh-password-file）。</translation>
    </message>
    <message>
        <source>Could not log in to %1 as %2. The server accepts: %3. Tried: %4. %5</source>
        <translation>%2 として %1 にログインできませんでした。サーバが受け付ける方式: %3。試した方式: %4。%5</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while %2 ran: the machine or the network stopped answering (for %3 s at most), or the connection was closed. The command may still be running there; running the plan again waits for it to end, or ends it.</source>
        <translation>%2 の実行中に %1 との接続が失われました。マシンかネットワークが応答しなくなった（上限 %3 秒）か、接続が閉じられました。コマンドはまだそのマシンで実行中の可能性があります。プランをもう一度実行すると、その終了を待つか、終了させます。</translation>
    </message>
    <message>
        <source>Could not open an SSH channel</source>
        <translation>SSH チャネルを開けませんでした</translation>
    </message>
    <message>
        <source>%1 would not forward a connection to %2 port %3 (is AllowTcpForwarding off in its sshd_config, or does nothing listen there?)</source>
        <translation>%1 が %2 のポート %3 への接続を転送しませんでした（sshd_config で AllowTcpForwarding が無効になっているか、そのポートで何も待ち受けていない可能性があります）</translation>
    </message>
    <message>
        <source>%1 is reached through more than %2 jump hosts: check the ProxyJump lines of the SSH config for a loop.</source>
        <translation>%1 への接続が %2 台を超える踏み台ホストを経由しています。SSH 設定の ProxyJump の行がループしていないか確認してください。</translation>
    </message>
</context>
<context>
    <name>SshJump</name>
    <message>
        <source>Could not reach %1:%2 through the jump host %3: %4</source>
        <translation>踏み台ホスト %3 を経由して %1:%2 に接続できませんでした: %4</translation>
    </message>
    <message>
        <source>Could not make a local socket pair for the jump host %1.</source>
        <translation>踏み台ホスト %1 用のローカルのソケットペアを作れませんでした。</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>Could not listen on a local port for the SSH tunnel: %1.</source>
        <translation>SSH トンネル用のローカルポートで待ち受けできませんでした: %1。</translation>
    </message>
</context>
<context>
    <name>StandbyCloneStep</name>
    <message>
        <source>Copy the primary to the standby (pg_basebackup)</source>
        <translation>プライマリをスタンバイに複製（pg_basebackup）</translation>
    </message>
    <message>
        <source>Create the standby&apos;s cluster for its configuration folder (%1); its data directory is replaced below.</source>
        <translation>設定フォルダ（%1）のためにスタンバイのクラスタを作成します。データディレクトリは後で置き換えます。</translation>
    </message>
    <message>
        <source>Stop the standby&apos;s server if it runs.</source>
        <translation>スタンバイのサーバが稼働していれば停止します。</translation>
    </message>
    <message>
        <source>Check that the standby reaches the primary&apos;s port.</source>
        <translation>スタンバイからプライマリのポートに到達できることを確認します。</translation>
    </message>
    <message>
        <source>Copy the primary with an immediate checkpoint, streaming the WAL through the slot; the password comes from the passfile.</source>
        <translation>即時チェックポイントでプライマリを複製し、WAL はスロット経由でストリーミングします。パスワードはパスワードファイルから読みます。</translation>
    </message>
    <message>
        <source>stop the standby&apos;s server</source>
        <translation>スタンバイのサーバを停止</translation>
    </message>
    <message>
        <source>the slot %1 is still in use by another connection. End that connection (pg_stat_replication shows it) and run the setup again.</source>
        <translation>スロット %1 は別の接続がまだ使用しています。その接続（pg_stat_replication に表示されます）を終了してから、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>The standby cannot reach the primary at %1 port %2. Check the firewall between them and listen_addresses on the primary.</source>
        <translation>スタンバイから %1 のポート %2 のプライマリに到達できません。両者の間のファイアウォールと、プライマリの listen_addresses を確認してください。</translation>
    </message>
    <message>
        <source>copy the primary with pg_basebackup</source>
        <translation>pg_basebackup でプライマリを複製</translation>
    </message>
    <message>
        <source>Copy complete.</source>
        <translation>複製が完了しました。</translation>
    </message>
    <message>
        <source>A standby starts from a copy of the primary&apos;s data directory. The copy is made beside %1 and replaces it only once it is complete; an unfinished copy from an earlier attempt is removed first.</source>
        <translation>スタンバイはプライマリのデータディレクトリの複製から始まります。複製は %1 の隣に作成し、完了してから初めてそれと置き換えます。以前の試行で残った未完了の複製は先に削除します。</translation>
    </message>
    <message>
        <source>Made by the Replica Studio setup. A later setup removes this folder instead of setting it aside, as long as PostgreSQL has never been started on it.</source>
        <translation>Replica Studio の構築で作成しました。このフォルダで PostgreSQL が一度も起動されていない限り、後の構築ではこのフォルダを退避せずに削除します。</translation>
    </message>
    <message>
        <source>Remove %1: it holds only what this setup made (a new cluster or its own copy), no data of yours.</source>
        <translation>%1 を削除します。中身はこの構築で作成したもの（新しいクラスタか、この構築自身の複製）だけで、あなたのデータはありません。</translation>
    </message>
    <message>
        <source>Nothing to replace: %1 does not exist now.</source>
        <translation>置き換えるものはありません。%1 は現在存在しません。</translation>
    </message>
    <message>
        <source>Set %1 aside as %1.set-aside-&lt;date&gt;: it holds %2 MB that this setup did not make. It is renamed, never deleted, and keeps taking %2 MB of disk on the standby until you remove it.</source>
        <translation>%1 を %1.set-aside-&lt;date&gt; として退避します。この構築が作成したものではない %2 MB のデータがあるためです。名前を変えるだけで削除はしないため、あなたが削除するまでスタンバイのディスクを %2 MB 使い続けます。</translation>
    </message>
    <message>
        <source>Set %1 aside as %1.set-aside-&lt;date&gt; (renamed, never deleted; it keeps taking its disk space until you remove it) when it holds data this setup did not make; what this setup made there is removed.</source>
        <translation>この構築が作成したものではないデータがある場合は、%1 を %1.set-aside-&lt;date&gt; として退避します（名前を変えるだけで削除はしないため、あなたが削除するまでディスク容量を使い続けます）。この構築が作成したものは削除します。</translation>
    </message>
    <message>
        <source>Mark the new data directory as made by this setup, so that it is removed, not kept, when the copy replaces it.</source>
        <translation>新しいデータディレクトリに、この構築で作成したという印を付けます。これにより、複製と置き換えるときに残さず削除されます。</translation>
    </message>
    <message>
        <source>Remove an unfinished copy left by an earlier attempt, when there is one (refused when the folder was not made by the setup).</source>
        <translation>以前の試行で残った未完了の複製があれば削除します（構築で作成したフォルダでなければ拒否します）。</translation>
    </message>
    <message>
        <source>A folder for the copy, readable by postgres only.</source>
        <translation>postgres だけが読める、複製用のフォルダを作成します。</translation>
    </message>
    <message>
        <source>Mark it as made by this setup.</source>
        <translation>この構築で作成したという印を付けます。</translation>
    </message>
    <message>
        <source>Mark the finished copy as made by this setup (until the standby first starts).</source>
        <translation>完成した複製に、この構築で作成したという印を付けます（スタンバイが初めて起動するまで）。</translation>
    </message>
    <message>
        <source>Put the finished copy in place.</source>
        <translation>完成した複製を所定の場所に配置します。</translation>
    </message>
    <message>
        <source>Remove the copy&apos;s emptied folder.</source>
        <translation>空になった複製用のフォルダを削除します。</translation>
    </message>
    <message>
        <source>mark the new data directory as made by the setup</source>
        <translation>新しいデータディレクトリに構築で作成したという印を付ける</translation>
    </message>
    <message>
        <source>%1 on the standby is in the way of the copy and was not made by the setup. Move it elsewhere and run the setup again.</source>
        <translation>スタンバイの %1 が複製の妨げになっていますが、構築で作成したものではありません。別の場所に移動してから、もう一度構築を実行してください。</translation>
    </message>
    <message>
        <source>remove the unfinished copy of an earlier attempt</source>
        <translation>以前の試行で残った未完了の複製を削除</translation>
    </message>
    <message>
        <source>create the folder for the copy</source>
        <translation>複製用のフォルダを作成</translation>
    </message>
    <message>
        <source>mark the folder for the copy</source>
        <translation>複製用のフォルダに印を付ける</translation>
    </message>
    <message>
        <source>mark the finished copy</source>
        <translation>完成した複製に印を付ける</translation>
    </message>
    <message>
        <source>make room for the copy in %1</source>
        <translation>%1 に複製を置く場所を空ける</translation>
    </message>
    <message>
        <source>Removed %1: it held only what the setup had made.</source>
        <translation>%1 を削除しました。中身は構築で作成したものだけでした。</translation>
    </message>
    <message>
        <source>The standby&apos;s previous data directory is kept as %1 (%2 MB, on the standby&apos;s disk until you remove it).</source>
        <translation>スタンバイの以前のデータディレクトリは %1 として残しています（%2 MB。削除するまでスタンバイのディスク上に残ります）。</translation>
    </message>
    <message>
        <source>The standby&apos;s previous data directory is kept as %1 (on the standby&apos;s disk until you remove it).</source>
        <translation>スタンバイの以前のデータディレクトリは %1 として残しています（削除するまでスタンバイのディスク上に残ります）。</translation>
    </message>
    <message>
        <source>put the copy in place</source>
        <translation>複製を所定の場所に配置</translation>
    </message>
    <message>
        <source>remove the copy&apos;s emptied folder</source>
        <translation>空になった複製用のフォルダを削除</translation>
    </message>
</context>
<context>
    <name>StandbyClusterStep</name>
    <message>
        <source>Create the standby&apos;s cluster for its configuration folder</source>
        <translation>設定フォルダのためにスタンバイのクラスタを作成</translation>
    </message>
    <message>
        <source>The standby gets the configuration folder %1 of its own; the data directory made with it is replaced by the copy of the primary. It needs nothing from the primary, so it is made while the primary is being configured.</source>
        <translation>スタンバイに専用の設定フォルダ %1 を用意します。同時に作られるデータディレクトリはプライマリの複製で置き換えられます。プライマリには依存しないため、プライマリの設定中に並行して作成します。</translation>
    </message>
</context>
<context>
    <name>StandbyRecoveryStep</name>
    <message>
        <source>Make the copy a standby: recovery.conf</source>
        <translation>複製をスタンバイにする: recovery.conf</translation>
    </message>
    <message>
        <source>Make the copy a standby: standby.signal and primary_conninfo</source>
        <translation>複製をスタンバイにする: standby.signal と primary_conninfo</translation>
    </message>
    <message>
        <source>Let PostgreSQL read the standby&apos;s configuration back.</source>
        <translation>PostgreSQL にスタンバイの設定を読ませて確認します。</translation>
    </message>
    <message>
        <source>Let PostgreSQL read the standby&apos;s configuration back (also primary_slot_name and hot_standby).</source>
        <translation>PostgreSQL にスタンバイの設定を読ませて確認します（primary_slot_name と hot_standby も）。</translation>
    </message>
    <message>
        <source>The standby connects to the primary as %1 with application_name %2 (the name synchronous_standby_names uses), through the slot, and answers read-only queries (hot_standby). Where the primary runs with a higher %3 than the standby&apos;s postgresql.conf has, the standby gets the primary&apos;s value, since a hot standby refuses to run with less.</source>
        <translation>スタンバイは %1 として application_name %2（synchronous_standby_names で使う名前）でスロット経由でプライマリに接続し、読み取り専用の問い合わせに応答します（hot_standby）。プライマリがスタンバイの postgresql.conf より大きい %3 で動いている場合、スタンバイにはプライマリの値を設定します。ホットスタンバイはそれより小さい値では起動しないためです。</translation>
    </message>
    <message>
        <source>The primary now runs with %1, more than the plan gives the standby, and a hot standby refuses to run with less. Make the plan again: it then gives the standby these values.</source>
        <translation>プライマリは現在 %1 で動いており、プランがスタンバイに与える値より大きくなっています。ホットスタンバイはこれより小さい値では動きません。プランを作り直してください。作り直したプランではスタンバイにこれらの値が設定されます。</translation>
    </message>
    <message>
        <source>The primary runs with %1, more than the standby&apos;s postgresql.conf gives the standby, and a hot standby refuses to run with less. Give the standby at least these values.</source>
        <translation>プライマリは %1 で動き、スタンバイの postgresql.conf が与える値より大きくなっています。ホットスタンバイはこれより小さい値では動きません。スタンバイには少なくともこれらの値を設定してください。</translation>
    </message>
    <message>
        <source>%1 on the standby: %2</source>
        <translation>スタンバイの %1: %2</translation>
    </message>
</context>
<context>
    <name>StandbyStartStep</name>
    <message>
        <source>Start the standby and wait until it streams</source>
        <translation>スタンバイを起動してストリーミングするまで待つ</translation>
    </message>
    <message>
        <source>Wait until the standby streams.</source>
        <translation>スタンバイがストリーミングするまで待ちます。</translation>
    </message>
    <message>
        <source>start the standby</source>
        <translation>スタンバイを起動</translation>
    </message>
    <message>
        <source>the standby does not stream. Look at the standby&apos;s log (%1) for the reason, such as a refused password or pg_hba.conf line.</source>
        <translation>スタンバイがストリーミングしていません。パスワードや pg_hba.conf の行が拒否されたなどの理由が、スタンバイのログ（%1）にあります。</translation>
    </message>
    <message>
        <source>The standby runs with its earlier settings: restarting it.</source>
        <translation>スタンバイが以前の設定のまま動いています。再起動します。</translation>
    </message>
    <message>
        <source>The standby connects to the primary and replays its WAL; the primary lists it in pg_stat_replication as %1. A standby that runs already gets its new settings or password by a reload (13+) or a restart, and connects again with them.</source>
        <translation>スタンバイはプライマリに接続してその WAL を適用します。プライマリの pg_stat_replication には %1 として表示されます。すでに稼働中のスタンバイには、リロード（13 以降）または再起動で新しい設定やパスワードを反映し、それを使って再接続させます。</translation>
    </message>
    <message>
        <source>The standby connects to the primary again, with its new settings.</source>
        <translation>スタンバイは新しい設定でプライマリに再接続します。</translation>
    </message>
    <message>
        <source>the standby does not stream again after reconnecting. Look at the standby&apos;s log (%1) for the reason, such as a refused password or pg_hba.conf line.</source>
        <translation>再接続後、スタンバイがストリーミングを再開しません。パスワードや pg_hba.conf の行が拒否されたなどの理由が、スタンバイのログ（%1）にあります。</translation>
    </message>
</context>
<context>
    <name>StepContext</name>
    <message>
        <source>Cancelled before the command ran.</source>
        <translation>コマンドの実行前に取り消されました。</translation>
    </message>
    <message>
        <source>The %1 server refused a query: %2</source>
        <translation>%1 サーバが問い合わせを拒否しました: %2</translation>
    </message>
    <message>
        <source>Cancelled while waiting: %1</source>
        <translation>待機中に取り消されました: %1</translation>
    </message>
    <message>
        <source>Gave up after %1 s: %2</source>
        <translation>%1 秒で諦めました: %2</translation>
    </message>
    <message>
        <source>the %1 server does not accept connections. Look at its log file.</source>
        <translation>%1 サーバが接続を受け付けません。ログファイルを確認してください。</translation>
    </message>
    <message>
        <source>Not yet: the commands above are run again every %1 s, for up to %2 s.</source>
        <translation>まだです。上記のコマンドを %1 秒ごとに、最大 %2 秒間再実行します。</translation>
    </message>
    <message>
        <source>remove what an earlier run left making the cluster in %1</source>
        <translation>以前の実行が %1 でのクラスタ作成中に残したものを削除</translation>
    </message>
    <message>
        <source>create the cluster in %1</source>
        <translation>%1 にクラスタを作成</translation>
    </message>
    <message>
        <source>note that the cluster in %1 is complete</source>
        <translation>%1 のクラスタの作成完了を記録</translation>
    </message>
</context>
<context>
    <name>SyncNamesParser</name>
    <message>
        <source>unterminated quoted identifier at end of input</source>
        <translation>入力の終わりで、引用符で囲んだ識別子が閉じていません</translation>
    </message>
    <message>
        <source>syntax error at end of input</source>
        <translation>入力の終わりに構文エラーがあります</translation>
    </message>
    <message>
        <source>syntax error at or near &quot;%1&quot;</source>
        <translation>&quot;%1&quot; またはその付近に構文エラーがあります</translation>
    </message>
</context>
<context>
    <name>SyncStep</name>
    <message>
        <source>Synchronous replication: name the standby in synchronous_standby_names</source>
        <translation>同期レプリケーション: synchronous_standby_names にスタンバイを指定</translation>
    </message>
    <message>
        <source>From now on a commit on the primary waits until the standby has the WAL. This is switched on only now that the standby streams; before, every commit would wait forever.</source>
        <translation>これ以降、プライマリでのコミットはスタンバイが WAL を受け取るまで待ちます。スタンバイがストリーミングを始めた今になって初めて有効にします。それより前に有効にすると、すべてのコミットが永遠に待たされます。</translation>
    </message>
    <message>
        <source>Wait until the standby is synchronous.</source>
        <translation>スタンバイが同期になるまで待ちます。</translation>
    </message>
    <message>
        <source>the standby does not become synchronous. Check that its application_name is %1.</source>
        <translation>スタンバイが同期になりません。その application_name が %1 であることを確認してください。</translation>
    </message>
    <message>
        <source>sync_state = potential: commits do not wait for this standby; another standby named before it in synchronous_standby_names is the synchronous one</source>
        <translation>sync_state = potential: コミットはこのスタンバイを待ちません。synchronous_standby_names でこれより前に書かれた別のスタンバイが同期スタンバイです</translation>
    </message>
    <message>
        <source>sync_state = %1</source>
        <translation>sync_state = %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>The standby is not synchronous: %1. For commits to wait for it too, choose that a commit waits for any one of the standbys (ANY 1, replicactl --sync-any) or for all of them (replicactl --sync-count %2).</source>
        <translation>スタンバイは同期になっていません: %1。このスタンバイもコミットに待たせるには、いずれか 1 台のスタンバイを待つ (ANY 1、replicactl --sync-any) か、すべてのスタンバイを待つ (replicactl --sync-count %2) を選んでください。</translation>
    </message>
    <message>
        <source>Asynchronous replication: the standby is not named in synchronous_standby_names</source>
        <translation>非同期レプリケーション: synchronous_standby_names にスタンバイを指定しない</translation>
    </message>
    <message>
        <source>Commits on the primary do not wait for this standby. Where an earlier setup made it synchronous, its name is taken out of synchronous_standby_names (other standbys named there stay) and the primary reloads its configuration.</source>
        <translation>プライマリでのコミットはこのスタンバイを待ちません。以前の構築でこのスタンバイを同期にしていた場合は、synchronous_standby_names からその名前を取り除き（そこに指定された他のスタンバイは残します）、プライマリが設定を再読み込みします。</translation>
    </message>
    <message>
        <source>Wait until the standby is asynchronous.</source>
        <translation>スタンバイが非同期になるまで待ちます。</translation>
    </message>
    <message>
        <source>the standby is still synchronous. Check that synchronous_standby_names is not also set with ALTER SYSTEM (postgresql.auto.conf) and does not name every standby with *.</source>
        <translation>スタンバイはまだ同期のままです。synchronous_standby_names が ALTER SYSTEM（postgresql.auto.conf）でも設定されていないこと、* ですべてのスタンバイを指定していないことを確認してください。</translation>
    </message>
    <message>
        <source>%1 The setup&apos;s change of %2 would have no effect there: run ALTER SYSTEM RESET %2 on the primary (or change that line), then plan again.</source>
        <translation>%1 このため、構築で %2 を変更しても効果がありません。プライマリで ALTER SYSTEM RESET %2 を実行して（またはその行を変更して）から、もう一度プランを作成してください。</translation>
    </message>
</context>
<context>
    <name>TopologyStrip</name>
    <message>
        <source>does not answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>, WAL %1/s</source>
        <translation>、WAL %1/秒</translation>
    </message>
    <message>
        <source>commits stuck waiting for a standby: %1</source>
        <translation>スタンバイ待ちで止まっているコミット: %1</translation>
    </message>
    <message>
        <source>not streaming</source>
        <translation>ストリーミングなし</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>ほか %1 台</translation>
    </message>
    <message>
        <source>see the table</source>
        <translation>表を参照</translation>
    </message>
    <message>
        <source>no standby</source>
        <translation>スタンバイなし</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Asynchronous: synchronous_standby_names is empty; commits do not wait for a standby.</source>
        <translation>非同期: synchronous_standby_names が空のため、コミットはスタンバイを待ちません。</translation>
    </message>
    <message>
        <source>Synchronous: synchronous_standby_names = &apos;%1&apos;</source>
        <translation>同期: synchronous_standby_names = &apos;%1&apos;</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>プライマリ</translation>
    </message>
</context>
<context>
    <name>VerifyStep</name>
    <message>
        <source>Verify the replication</source>
        <translation>レプリケーションを検証</translation>
    </message>
    <message>
        <source>Write a marker row on the primary.</source>
        <translation>プライマリに目印の行を書き込みます。</translation>
    </message>
    <message>
        <source>Read the marker row on the standby.</source>
        <translation>スタンバイで目印の行を読みます。</translation>
    </message>
    <message>
        <source>Try a write on the standby: it must fail with SQLSTATE 25006.</source>
        <translation>スタンバイで書き込みを試みます: SQLSTATE 25006 で失敗しなければなりません。</translation>
    </message>
    <message>
        <source>The primary lists the standby %1 as streaming</source>
        <translation>プライマリがスタンバイ %1 をストリーミング中として表示している</translation>
    </message>
    <message>
        <source>not in pg_stat_replication</source>
        <translation>pg_stat_replication にありません</translation>
    </message>
    <message>
        <source>The standby is synchronous</source>
        <translation>スタンバイが同期になっている</translation>
    </message>
    <message>
        <source>The standby is in recovery (a hot standby)</source>
        <translation>スタンバイがリカバリ中（ホットスタンバイ）である</translation>
    </message>
    <message>
        <source>pg_is_in_recovery() = %1</source>
        <translation>pg_is_in_recovery() = %1</translation>
    </message>
    <message>
        <source>the marker row did not reach the standby</source>
        <translation>目印の行がスタンバイに届きませんでした</translation>
    </message>
    <message>
        <source>A row written on the primary is read on the standby</source>
        <translation>プライマリで書き込んだ行をスタンバイで読める</translation>
    </message>
    <message>
        <source>marker %1 seen</source>
        <translation>目印 %1 を確認</translation>
    </message>
    <message>
        <source>The demo row (weather, San Francisco) is on the standby</source>
        <translation>デモの行（weather、San Francisco）がスタンバイにある</translation>
    </message>
    <message>
        <source>A write on the standby is refused with SQLSTATE 25006</source>
        <translation>スタンバイでの書き込みが SQLSTATE 25006 で拒否される</translation>
    </message>
    <message>
        <source>the INSERT succeeded</source>
        <translation>INSERT が成功してしまいました</translation>
    </message>
    <message>
        <source>The replication does not work as it should. Look at the standby&apos;s log file.</source>
        <translation>レプリケーションが正しく動作していません。スタンバイのログファイルを確認してください。</translation>
    </message>
    <message>
        <source>Proof that it works: a new replication connection from the standby, made as its walreceiver makes one after a restart, is accepted; a row written on the primary appears on the standby, and the standby refuses writes.</source>
        <translation>動作していることの証明: スタンバイの walreceiver が再起動後に行うのと同じ方法で開いた、スタンバイからの新しいレプリケーション接続が受け入れられること、プライマリで書き込んだ行がスタンバイに現れること、スタンバイが書き込みを拒否することを確認します。</translation>
    </message>
    <message>
        <source>Connect to the primary afresh as the standby does after a restart (its primary_conninfo and passfile).</source>
        <translation>スタンバイが再起動後に行うのと同じように、プライマリに新たに接続します（スタンバイの primary_conninfo とパスワードファイルを使用）。</translation>
    </message>
    <message>
        <source>The standby is asynchronous</source>
        <translation>スタンバイが非同期になっている</translation>
    </message>
    <message>
        <source>A new replication connection from the standby is accepted</source>
        <translation>スタンバイからの新しいレプリケーション接続が受け入れられる</translation>
    </message>
    <message>
        <source>IDENTIFY_SYSTEM as %1: system %2</source>
        <translation>%1 として IDENTIFY_SYSTEM を実行: システム識別子 %2</translation>
    </message>
</context>
<context>
    <name>VersionRules</name>
    <message>
        <source>B, kB, MB, GB and TB</source>
        <translation>B、kB、MB、GB、TB</translation>
    </message>
    <message>
        <source>kB, MB, GB and TB</source>
        <translation>kB、MB、GB、TB</translation>
    </message>
    <message>
        <source>kB, MB and GB</source>
        <translation>kB、MB、GB</translation>
    </message>
    <message>
        <source>us, ms, s, min, h and d</source>
        <translation>us、ms、s、min、h、d</translation>
    </message>
    <message>
        <source>ms, s, min, h and d</source>
        <translation>ms、s、min、h、d</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; は数値ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exceeds the integer range.</source>
        <translation>&quot;%1&quot; は整数の範囲を超えています。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has something after its unit.</source>
        <translation>&quot;%1&quot; の単位の後に余分な文字があります。</translation>
    </message>
    <message>
        <source>%1 takes a plain number, without a unit.</source>
        <translation>%1 には単位なしの数値を指定します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit of %2: use %3.</source>
        <translation>&quot;%1&quot; は %2 の単位として使えません。%3 のいずれかを使ってください。</translation>
    </message>
    <message>
        <source>%1 cannot be set in a configuration file: PostgreSQL fixes it when the cluster is made (initdb) or the server is built.</source>
        <translation>%1 は設定ファイルでは設定できません。クラスタ作成時（initdb）またはサーバのビルド時に PostgreSQL が固定します。</translation>
    </message>
    <message>
        <source> Use %1 instead.</source>
        <translation>代わりに %1 を使ってください。</translation>
    </message>
    <message>
        <source> Promote with pg_ctl promote or SELECT pg_promote() instead.</source>
        <translation>代わりに pg_ctl promote または SELECT pg_promote() で昇格してください。</translation>
    </message>
    <message>
        <source> Use max_wal_size instead.</source>
        <translation>代わりに max_wal_size を使ってください。</translation>
    </message>
    <message>
        <source> From 12 on, an empty standby.signal file in the data directory makes a standby.</source>
        <translation>12 以降では、データディレクトリに空の standby.signal ファイルを置くとスタンバイになります。</translation>
    </message>
    <message>
        <source>PostgreSQL %1 has no setting named %2.%3</source>
        <translation>PostgreSQL %1 には %2 という名前のパラメータはありません。%3</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;%2&quot; in PostgreSQL %3: it takes a boolean (on or off, true or false, yes or no, 1 or 0).</source>
        <translation>PostgreSQL %3 では %1 を &quot;%2&quot; にできません。ブール値（on/off、true/false、yes/no、1/0）を指定してください。</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;%2&quot; in PostgreSQL %3: use one of %4.</source>
        <translation>PostgreSQL %3 では %1 を &quot;%2&quot; にできません。%4 のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;%2&quot; in PostgreSQL %3: %4</source>
        <translation>PostgreSQL %3 では %1 を &quot;%2&quot; にできません: %4</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;%2&quot; in PostgreSQL %3: it must be between %4 and %5%6.</source>
        <translation>PostgreSQL %3 では %1 を &quot;%2&quot; にできません。%4 から %5 の範囲で指定してください%6。</translation>
    </message>
    <message>
        <source>%1 cannot be &quot;%2&quot; in PostgreSQL %3: it takes a number between %4 and %5.</source>
        <translation>PostgreSQL %3 では %1 を &quot;%2&quot; にできません。%4 から %5 の数値を指定してください。</translation>
    </message>
    <message>
        <source>%1 cannot be set in a configuration file: it is fixed when the cluster is made (initdb).</source>
        <translation>%1 は設定ファイルでは設定できません。クラスタ作成時（initdb）に固定されます。</translation>
    </message>
    <message>
        <source>The addresses the server listens on; a standby must reach one of them (&apos;*&apos; for all).</source>
        <translation>サーバが待ち受けるアドレスです。スタンバイはそのいずれかに届く必要があります (&apos;*&apos; ですべて)。</translation>
    </message>
    <message>
        <source>The TCP port the server listens on.</source>
        <translation>サーバが待ち受ける TCP ポートです。</translation>
    </message>
    <message>
        <source>How many client connections the server accepts at once; a hot standby needs at least the primary&apos;s value.</source>
        <translation>サーバが同時に受け付けるクライアント接続の数です。ホットスタンバイにはプライマリ以上の値が必要です。</translation>
    </message>
    <message>
        <source>The memory the server keeps for caching data pages.</source>
        <translation>サーバがデータページのキャッシュに使うメモリです。</translation>
    </message>
    <message>
        <source>How much the write-ahead log records; a standby needs replica (hot_standby before 9.6) or logical.</source>
        <translation>先行書き込みログ (WAL) に記録する情報量です。スタンバイには replica (9.6 より前は hot_standby) か logical が必要です。</translation>
    </message>
    <message>
        <source>How many standbys and base backups may stream WAL from this server at once.</source>
        <translation>このサーバから同時に WAL をストリーミングできるスタンバイとベースバックアップの数です。</translation>
    </message>
    <message>
        <source>How many replication slots the server can hold; each slot keeps WAL until its standby has it.</source>
        <translation>サーバが持てるレプリケーションスロットの数です。各スロットはスタンバイが受け取るまで WAL を保持します。</translation>
    </message>
    <message>
        <source>How much WAL the primary keeps for standbys that fall behind without a slot.</source>
        <translation>スロットを使わずに遅れたスタンバイのためにプライマリが保持する WAL の量です。</translation>
    </message>
    <message>
        <source>How many 16 MB WAL files the primary keeps for standbys that fall behind without a slot.</source>
        <translation>スロットを使わずに遅れたスタンバイのためにプライマリが保持する 16 MB の WAL ファイルの数です。</translation>
    </message>
    <message>
        <source>The most WAL a replication slot may hold back before the slot is given up (-1: no limit).</source>
        <translation>スロットが破棄されるまでにレプリケーションスロットが保持できる WAL の上限です (-1: 無制限)。</translation>
    </message>
    <message>
        <source>Logs whole pages on hint-bit changes, which pg_rewind needs to bring an old primary back as a standby.</source>
        <translation>ヒントビットの変更時にページ全体を WAL に記録します。古いプライマリを pg_rewind でスタンバイに戻すのに必要です。</translation>
    </message>
    <message>
        <source>Whether finished WAL files are handed to archive_command or archive_library.</source>
        <translation>書き終えた WAL ファイルを archive_command または archive_library に渡すかどうかです。</translation>
    </message>
    <message>
        <source>The shell command that copies one finished WAL file to the archive (%p its path, %f its name).</source>
        <translation>書き終えた WAL ファイルを 1 つアーカイブにコピーするシェルコマンドです (%p はそのパス、%f はその名前)。</translation>
    </message>
    <message>
        <source>The shell command a standby runs to fetch a WAL file from the archive.</source>
        <translation>スタンバイがアーカイブから WAL ファイルを取り出すために実行するシェルコマンドです。</translation>
    </message>
    <message>
        <source>Whether a standby accepts read-only queries while it replays WAL.</source>
        <translation>スタンバイが WAL の適用中に読み取り専用の問い合わせを受け付けるかどうかです。</translation>
    </message>
    <message>
        <source>Whether a standby tells the primary which rows its queries still need, so that vacuum keeps them.</source>
        <translation>スタンバイの問い合わせがまだ必要とする行をプライマリに伝え、VACUUM がそれを残すようにするかどうかです。</translation>
    </message>
    <message>
        <source>The standbys a commit waits for (FIRST or ANY n of them); empty: commits never wait for a standby.</source>
        <translation>コミットが待つスタンバイです (FIRST または ANY で n 台)。空ならコミットはスタンバイを待ちません。</translation>
    </message>
    <message>
        <source>How far a commit waits: local flush, or a synchronous standby&apos;s write, flush or replay.</source>
        <translation>コミットがどこまで待つかです: ローカルのフラッシュ、または同期スタンバイでの書き込み、フラッシュ、適用。</translation>
    </message>
    <message>
        <source>How a standby connects to its primary (host, port, user, application_name).</source>
        <translation>スタンバイがプライマリに接続する方法です (host、port、user、application_name)。</translation>
    </message>
    <message>
        <source>The replication slot on the primary that this standby streams through.</source>
        <translation>このスタンバイがストリーミングに使う、プライマリ上のレプリケーションスロットです。</translation>
    </message>
    <message>
        <source>In recovery.conf (up to 11): on makes the server a standby that keeps replaying WAL.</source>
        <translation>recovery.conf (11 まで) で on にすると、サーバは WAL を適用し続けるスタンバイになります。</translation>
    </message>
    <message>
        <source>Which timeline a standby follows; latest follows a promoted primary.</source>
        <translation>スタンバイが追うタイムラインです。latest なら昇格したプライマリに追従します。</translation>
    </message>
    <message>
        <source>A name shown in the server&apos;s process titles, to tell clusters apart.</source>
        <translation>クラスタを見分けるために、サーバのプロセス名に表示される名前です。</translation>
    </message>
    <message>
        <source>How new passwords are stored: scram-sha-256 or md5.</source>
        <translation>新しいパスワードの保存方式です: scram-sha-256 または md5。</translation>
    </message>
</context>
<context>
    <name>WalPipelineView</name>
    <message>
        <source>Each bar runs from the primary&apos;s current WAL position (right) back to what the standby has replayed (left). The widest colour is where WAL is held up.</source>
        <translation>各バーは、プライマリの現在の WAL 位置（右端）から、スタンバイが適用済みの位置（左端）までを表します。最も幅の広い色の部分で WAL が滞っています。</translation>
    </message>
    <message>
        <source>position unknown</source>
        <translation>位置不明</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>追いついています</translation>
    </message>
    <message>
        <source>%1 behind, most in %2</source>
        <translation>%1 遅れ、主に%2</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>the standby&apos;s disk</source>
        <translation>スタンバイのディスク</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>No standby streams from the primary.</source>
        <translation>プライマリからストリーミングしているスタンバイはありません。</translation>
    </message>
    <message>
        <source>Unknown: the primary does not answer.</source>
        <translation>不明: プライマリが応答しません。</translation>
    </message>
    <message>
        <source>WAL waiting in:</source>
        <translation>WAL の滞留箇所:</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Set up a replication pair…</source>
        <translation>レプリケーションペアを構築…</translation>
    </message>
    <message>
        <source>Start the demo sandbox</source>
        <translation>デモ用サンドボックスを起動</translation>
    </message>
    <message>
        <source>Welcome to Replica Studio</source>
        <translation>Replica Studio へようこそ</translation>
    </message>
    <message>
        <source>Opens the setup wizard for a primary and a hot standby on machines you reach over SSH.</source>
        <translation>SSH で接続できるマシンにプライマリとホットスタンバイを構築するウィザードを開きます。</translation>
    </message>
    <message>
        <source>Makes a local primary and hot standby on this machine for the lesson.</source>
        <translation>学習用に、このマシン上にローカルのプライマリとホットスタンバイを作成します。</translation>
    </message>
    <message>
        <source>Terminal command that makes the demo sandbox</source>
        <translation>デモ用サンドボックスを作成するターミナルコマンド</translation>
    </message>
    <message>
        <source>Making the demo sandbox</source>
        <translation>デモ用サンドボックスを作成中</translation>
    </message>
    <message>
        <source>What the sandbox is doing</source>
        <translation>サンドボックスの処理状況</translation>
    </message>
    <message>
        <source>On two or more machines you reach over SSH: the wizard finds what is installed, shows every change as a diff you can edit, applies it step by step and proves that the standby streams.</source>
        <translation>SSH で接続できる2台以上のマシンで: ウィザードがインストール済みのものを調べ、すべての変更を編集可能な差分として表示し、ステップごとに適用して、スタンバイがストリーミングしていることを確認します。</translation>
    </message>
    <message>
        <source>Replica Studio sets up, watches and teaches PostgreSQL streaming replication. Choose a way in:</source>
        <translation>Replica Studio は PostgreSQL ストリーミングレプリケーションの構築・監視・学習のためのツールです。始め方を選んでください:</translation>
    </message>
    <message>
        <source>The same sandbox from a terminal:</source>
        <translation>ターミナルから同じサンドボックスを作成するには:</translation>
    </message>
    <message>
        <source>On this machine, no SSH: a PostgreSQL primary and a hot standby streaming from it, made in a few seconds in %1, for the lesson and the query console.</source>
        <translation>このマシン上で、SSH は不要: PostgreSQL のプライマリと、そこからストリーミングするホットスタンバイを %1 に数秒で作成します。学習やクエリコンソールに使えます。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Set up, watch and teach PostgreSQL streaming replication.</source>
        <translation>PostgreSQL ストリーミングレプリケーションの構築・監視・学習。</translation>
    </message>
    <message>
        <source>The demo sandbox&apos;s folder (default: %1).</source>
        <translation>デモ用サンドボックスのフォルダ（省略時: %1）。</translation>
    </message>
    <message>
        <source>the one replicactl sandbox uses</source>
        <translation>replicactl sandbox が使うフォルダ</translation>
    </message>
    <message>
        <source>Open on the demo sandbox (a local primary and hot standby; the window can make it, as can &quot;replicactl sandbox up&quot;).</source>
        <translation>デモ用サンドボックスを開いた状態で起動します（ローカルのプライマリとホットスタンバイ。ウィンドウから作成することも、&quot;replicactl sandbox up&quot; で作成することもできます）。</translation>
    </message>
</context>
<context>
    <name>replicactl</name>
    <message>
        <source>edit a postgresql.conf and show the diff</source>
        <translation>postgresql.conf を編集して差分を表示する</translation>
    </message>
    <message>
        <source>edit a pg_hba.conf and show the diff</source>
        <translation>pg_hba.conf を編集して差分を表示する</translation>
    </message>
    <message>
        <source>set up a primary and a standby over SSH</source>
        <translation>SSH 経由でプライマリとスタンバイを構築する</translation>
    </message>
    <message>
        <source>apply a saved plan</source>
        <translation>保存したプランを適用する</translation>
    </message>
    <message>
        <source>show the replication state of a pair</source>
        <translation>ペアのレプリケーション状態を表示する</translation>
    </message>
    <message>
        <source>run a local primary and standby for the demo</source>
        <translation>デモ用にローカルでプライマリとスタンバイを動かす</translation>
    </message>
    <message>
        <source>Usage: replicactl COMMAND [OPTIONS]

Commands:
</source>
        <translation>使い方: replicactl COMMAND [OPTIONS]

コマンド:
</translation>
    </message>
    <message>
        <source>
Run &apos;replicactl COMMAND --help&apos; for the options of one command.
</source>
        <translation>
各コマンドのオプションは &apos;replicactl COMMAND --help&apos; で確認できます。
</translation>
    </message>
    <message>
        <source>replicactl: unknown command &apos;%1&apos;.</source>
        <translation>replicactl: 不明なコマンド &apos;%1&apos; です。</translation>
    </message>
    <message>
        <source>watch the replication state every interval</source>
        <translation>一定間隔でレプリケーションの状態を監視する</translation>
    </message>
</context>
</TS>

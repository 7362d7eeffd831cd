# A real Prometheus (Debian's 'prometheus' package, 2.42) for the telemetry tests, started on free loopback ports
# with a temporary config and storage. It scrapes the recorded dcgm-exporter files that a small HTTP server in this
# process serves, holds backfilled history (promtool tsdb create-blocks-from openmetrics) for range queries, and
# requires basic auth (--web.config.file, bcrypt). The same HTTP server is a gateway at /select/0/prometheus that
# checks a bearer token and a tenant header and forwards to Prometheus, as Thanos or Mimir gateways do.
# Dot-source it; see Start-TestPrometheus.

$script:PrometheusUser = 'capacity'
# bcrypt (cost 10) of the test-only password below, made with: python3 -c "import crypt; print(crypt.crypt('s3cret-Test-Pw', crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1<<10)))"
$script:PrometheusPassword = 's3cret-Test-Pw'
$script:PrometheusHash = '$2b$10$HtrfQNQfFxEzHYqO.dfMyOUwwTOdxqNFMOAavLeu4u5922zB2rJUu'
$script:GatewayToken = 'tok-8f2c1e77-test'
$script:GatewayTenant = 'team-a'

# Why the real-server tests cannot run here, or $null when they can.
function Get-PrometheusSkipReason {
    foreach ($tool in 'prometheus', 'promtool') {
        if (-not (Get-Command $tool -CommandType Application -ErrorAction SilentlyContinue)) {
            return "'$tool' is not on PATH. Install Debian's prometheus package (sudo apt-get install -y --no-install-recommends prometheus), or run ./build.ps1 -Task Test as root on Debian, which installs it."
        }
    }
    $null
}

function Get-FreePort {
    $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $l.Start()
    try { $l.LocalEndpoint.Port } finally { $l.Stop() }
}

# Synthetic dcgm-exporter history in OpenMetrics, one sample a minute for 6 hours ending at $End, with known answers:
#  hist-a: 2 x "NVIDIA H100 80GB HBM3": GPU-A1 whole (PROF 0.5, 300 W), GPU-A2 MIG-split in two instances that each repeat
#          the GPU's 200 W and energy (PROF 0.9 and 0.1 per instance, no whole-GPU series); energy counters in mJ.
#  hist-b: 1 x "NVIDIA A100-SXM4-40GB", old namespace (dcgm_fi_*, uuid, hostname), DEV_GPU_UTIL 40 %, 250 W, energy counter
#          that resets (driver reload) halfway.
function New-DcgmHistory([datetime] $End) {
    $endS = [long][Math]::Floor(([DateTimeOffset]$End.ToUniversalTime()).ToUnixTimeSeconds() / 60) * 60
    $startS = $endS - 6 * 3600
    $times = for ($t = $startS; $t -le $endS; $t += 60) { $t }
    $h100 = 'modelName="NVIDIA H100 80GB HBM3",Hostname="hist-a"'
    $a1 = "gpu=`"0`",UUID=`"GPU-hist-a1`",device=`"nvidia0`",$h100"
    $a2 = "gpu=`"1`",UUID=`"GPU-hist-a2`",device=`"nvidia1`",$h100"
    $b = 'gpu="0",uuid="GPU-hist-b1",device="nvidia0",modelName="NVIDIA A100-SXM4-40GB",hostname="hist-b"'
    # A list, not a hashtable: the old namespace's names differ from the new ones only in case.
    $series = @(
        @{ n = 'DCGM_FI_DEV_SM_CLOCK'; s = @(@{ l = $a1; v = { 1980 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"1`""; v = { 1980 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"2`""; v = { 1980 } }) }
        @{ n = 'DCGM_FI_PROF_GR_ENGINE_ACTIVE'; s = @(@{ l = $a1; v = { 0.5 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"1`""; v = { 0.9 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"2`""; v = { 0.1 } }) }
        @{ n = 'DCGM_FI_DEV_POWER_USAGE'; s = @(@{ l = $a1; v = { 300 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"1`""; v = { 200 } }, @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"2`""; v = { 200 } }) }
        @{ n = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION'; s = @(
            @{ l = $a1; v = { param($i) 5e9 + 300 * 60000 * $i } }
            @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"1`""; v = { param($i) 7e9 + 200 * 60000 * $i } }
            @{ l = "$a2,GPU_I_PROFILE=`"3g.40gb`",GPU_I_ID=`"2`""; v = { param($i) 7e9 + 200 * 60000 * $i } }) }
        @{ n = 'dcgm_fi_dev_sm_clock'; s = @(@{ l = $b; v = { 1410 } }) }
        @{ n = 'dcgm_fi_dev_gpu_util'; s = @(@{ l = $b; v = { 40 } }) }
        @{ n = 'dcgm_fi_dev_power_usage'; s = @(@{ l = $b; v = { 250 } }) }
        # 250 W = 15,000,000 mJ a minute; the driver reloads at minute 180 and the counter starts again from one minute's worth.
        @{ n = 'dcgm_fi_dev_total_energy_consumption'; s = @(@{ l = $b; v = { param($i) if ($i -lt 180) { 9e9 + 15e6 * $i } else { 15e6 * ($i - 179) } } }) }
    )
    $sb = [System.Text.StringBuilder]::new()
    foreach ($family in $series) {
        $name = $family.n
        $null = $sb.AppendLine("# TYPE $name gauge")
        foreach ($s in $family.s) {
            for ($i = 0; $i -lt $times.Count; $i++) {
                $value = [double](& $s.v $i)
                $null = $sb.Append($name).Append('{').Append($s.l).Append('} ').Append($value.ToString('R', [cultureinfo]::InvariantCulture)).Append(' ').AppendLine($times[$i].ToString([cultureinfo]::InvariantCulture))
            }
        }
    }
    $null = $sb.AppendLine('# EOF')
    [pscustomobject]@{
        Text  = $sb.ToString()
        Start = [DateTimeOffset]::FromUnixTimeSeconds($startS).UtcDateTime
        End   = [DateTimeOffset]::FromUnixTimeSeconds($endS).UtcDateTime
    }
}

# The HTTP server: /scrapes/<file> serves a recorded scrape; /select/0/prometheus/* checks the bearer token and the
# tenant header, then forwards to Prometheus with basic auth. Runs in its own runspace.
$script:GatewayScript = {
    param($Listener, $Files, $Backend, $Basic, $Token, $Tenant)
    $http = [System.Net.Http.HttpClient]::new()
    while ($Listener.IsListening) {
        try { $ctx = $Listener.GetContext() } catch { break }
        $req = $ctx.Request; $res = $ctx.Response
        try {
            $path = $req.Url.AbsolutePath
            if ($path -like '/scrapes/*') {
                $file = $Files[[IO.Path]::GetFileName($path)]
                if ($file) {
                    $res.ContentType = 'text/plain; version=0.0.4; charset=utf-8'
                    $bytes = [IO.File]::ReadAllBytes($file)
                } else { $res.StatusCode = 404; $bytes = @() }
            } elseif ($path -like '/select/0/prometheus/api/v1/*') {
                if ($req.Headers['Authorization'] -ne "Bearer $Token" -or $req.Headers['X-Scope-OrgID'] -ne $Tenant) {
                    $res.StatusCode = 401
                    $bytes = [Text.Encoding]::UTF8.GetBytes('{"status":"error","errorType":"unauthorized","error":"missing or wrong bearer token or tenant"}')
                } else {
                    $body = [IO.StreamReader]::new($req.InputStream).ReadToEnd()
                    $fwd = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($req.HttpMethod), $Backend + $path.Substring('/select/0/prometheus'.Length))
                    $fwd.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $Basic)
                    if ($body) { $fwd.Content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/x-www-form-urlencoded') }
                    $answer = $http.SendAsync($fwd).GetAwaiter().GetResult()
                    $res.StatusCode = [int]$answer.StatusCode
                    $res.ContentType = 'application/json'
                    # VictoriaMetrics adds members Prometheus does not have; the client must ignore them.
                    $text = $answer.Content.ReadAsStringAsync().GetAwaiter().GetResult() -replace '^\{"status":"success",', '{"status":"success","isPartial":false,"stats":{"seriesFetched":"1"},'
                    $bytes = [Text.Encoding]::UTF8.GetBytes($text)
                }
            } else { $res.StatusCode = 404; $bytes = @() }
            if ($bytes.Length) { $res.OutputStream.Write($bytes, 0, $bytes.Length) }
        } catch {
            $res.StatusCode = 500
        } finally {
            try { $res.Close() } catch { }
        }
    }
}

function Wait-Until([scriptblock] $Condition, [int] $Seconds, [string] $What) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 250
    }
    throw "Timed out after $Seconds s waiting for $What."
}

# Starts the HTTP server and Prometheus; returns Uri, GatewayUri, Credential, Token (SecureString), Tenant, History
# and a Stop() to call in AfterAll.
function Start-TestPrometheus([string[]] $ScrapeFiles) {
    $root = Join-Path ([IO.Path]::GetTempPath()) ("ct-prom-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path (Join-Path $root 'data') -Force
    $httpPort = Get-FreePort
    $promPort = Get-FreePort
    $files = @{}
    foreach ($f in $ScrapeFiles) { $files[[IO.Path]::GetFileName($f)] = (Resolve-Path $f).Path }

    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$httpPort/")
    $listener.Start()
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${script:PrometheusUser}:${script:PrometheusPassword}"))
    $ps = [powershell]::Create()
    $null = $ps.AddScript($script:GatewayScript).AddArgument($listener).AddArgument($files).AddArgument("http://127.0.0.1:$promPort").AddArgument($basic).AddArgument($script:GatewayToken).AddArgument($script:GatewayTenant)
    $async = $ps.BeginInvoke()

    $history = New-DcgmHistory -End ([DateTime]::UtcNow.AddHours(-2))
    $om = Join-Path $root 'history.om'
    [IO.File]::WriteAllText($om, $history.Text)
    $out = & promtool tsdb create-blocks-from openmetrics $om (Join-Path $root 'data') 2>&1
    if ($LASTEXITCODE -ne 0) { throw "promtool failed: $out" }

    $scrapes = foreach ($name in $files.Keys) {
        "  - job_name: '$([IO.Path]::GetFileNameWithoutExtension($name))'`n    honor_labels: true`n    scrape_interval: 1s`n    metrics_path: /scrapes/$name`n    static_configs:`n      - targets: ['127.0.0.1:$httpPort']"
    }
    Set-Content -Path (Join-Path $root 'prometheus.yml') -Value ("global:`n  scrape_interval: 1s`nscrape_configs:`n" + ($scrapes -join "`n")) -Encoding utf8NoBOM
    Set-Content -Path (Join-Path $root 'web.yml') -Value "basic_auth_users:`n  ${script:PrometheusUser}: '$script:PrometheusHash'" -Encoding utf8NoBOM
    $proc = Start-Process -FilePath (Get-Command prometheus -CommandType Application)[0].Source -PassThru `
        -RedirectStandardError (Join-Path $root 'prometheus.log') -RedirectStandardOutput (Join-Path $root 'prometheus.out') -ArgumentList @(
            "--config.file=$(Join-Path $root 'prometheus.yml')", "--web.config.file=$(Join-Path $root 'web.yml')",
            "--storage.tsdb.path=$(Join-Path $root 'data')", '--storage.tsdb.retention.time=100y',
            "--web.listen-address=127.0.0.1:$promPort", '--log.level=warn')
    $credential = [pscredential]::new($script:PrometheusUser, (ConvertTo-SecureString $script:PrometheusPassword -AsPlainText -Force))
    $uri = "http://127.0.0.1:$promPort"
    $fixture = [pscustomobject]@{
        Uri        = $uri
        GatewayUri = "http://127.0.0.1:$httpPort/select/0/prometheus"
        HttpPort   = $httpPort
        Credential = $credential
        Password   = $script:PrometheusPassword
        Token      = ConvertTo-SecureString $script:GatewayToken -AsPlainText -Force
        TokenText  = $script:GatewayToken
        Tenant     = $script:GatewayTenant
        History    = $history
        Root       = $root
        Process    = $proc
        Listener   = $listener
        PowerShell = $ps
    }
    $fixture | Add-Member -MemberType ScriptMethod -Name Stop -Value {
        if (-not $this.Process.HasExited) { $this.Process.Kill(); $null = $this.Process.WaitForExit(5000) }
        $this.Listener.Stop(); $this.Listener.Close()
        $this.PowerShell.Stop(); $this.PowerShell.Dispose()
        Remove-Item $this.Root -Recurse -Force -ErrorAction SilentlyContinue
    }
    # Ready when every target has been scraped once.
    $auth = @{ Authorization = "Basic $basic" }
    Wait-Until -Seconds 30 -What "Prometheus on $uri to scrape $($files.Count) target(s)" -Condition {
        try {
            $t = Invoke-RestMethod "$uri/api/v1/targets" -Headers $auth -ErrorAction Stop
            @($t.data.activeTargets | Where-Object health -EQ 'up').Count -eq $files.Count
        } catch { $false }
    }
    $fixture
}

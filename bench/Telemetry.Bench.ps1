<#
.SYNOPSIS
    Fleet scale: 10,000 synthetic GPUs (1,250 hosts x 8, a tenth of them split by MIG) served as dcgm-exporter
    scrapes to a real Prometheus. Get-GpuInventory -PrometheusUri against the naive queries (one series per GPU per
    metric, and one per GPU), in time and series transferred, as ratios; then Import-GpuInventory on a large saved
    scrape (speed and peak memory).
.DESCRIPTION
    Run by 'build.ps1 -Task Bench' (or directly with -ModulePath). Needs Debian's prometheus package and python3
    (its http.server serves the scrapes); without them it says so and exits. Data goes to bench/data/telemetry/.
    Not a test: nothing here is asserted except that the counts are right.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Hosts = 1250,
    [int] $Repeat = 5,
    [int] $ScrapeMB = 1024
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
foreach ($tool in 'prometheus', 'python3') {
    if (-not (Get-Command $tool -CommandType Application -ErrorAction SilentlyContinue)) {
        Write-Warning "Telemetry bench skipped: '$tool' is not on PATH (sudo apt-get install -y prometheus python3)."
        return
    }
}
Import-Module $ModulePath
$inv = [cultureinfo]::InvariantCulture
$data = Join-Path $PSScriptRoot 'data/telemetry'
$scrapes = Join-Path $data 'scrapes'
$null = New-Item -ItemType Directory -Force $scrapes

# dcgm-exporter's default fields; MIG instances repeat clocks, power and energy and have their own PROF series.
$fields = 'DCGM_FI_DEV_SM_CLOCK', 'DCGM_FI_DEV_MEM_CLOCK', 'DCGM_FI_DEV_GPU_TEMP', 'DCGM_FI_DEV_POWER_USAGE',
    'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', 'DCGM_FI_DEV_GPU_UTIL', 'DCGM_FI_DEV_FB_FREE', 'DCGM_FI_DEV_FB_USED',
    'DCGM_FI_DEV_FB_RESERVED', 'DCGM_FI_PROF_GR_ENGINE_ACTIVE', 'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE', 'DCGM_FI_PROF_DRAM_ACTIVE',
    'DCGM_FI_PROF_PCIE_TX_BYTES', 'DCGM_FI_PROF_PCIE_RX_BYTES'
$models = 'NVIDIA H100 80GB HBM3', 'NVIDIA A100-SXM4-80GB', 'NVIDIA L40S', 'NVIDIA L4'
function Get-HostScrape([int] $h) {
    $sb = [Text.StringBuilder]::new()
    $model = $models[$h % $models.Count]
    $name = 'gpu-node-{0:D4}' -f $h
    foreach ($f in $fields) {
        $null = $sb.Append("# HELP $f field`n# TYPE $f gauge`n")
        for ($g = 0; $g -lt 8; $g++) {
            $uuid = 'GPU-{0:x8}-0000-4000-8000-{1:x12}' -f $h, $g
            $base = "gpu=`"$g`",UUID=`"$uuid`",pci_bus_id=`"00000000:{0:X2}:00.0`",device=`"nvidia$g`",modelName=`"$model`",Hostname=`"$name`",DCGM_FI_DRIVER_VERSION=`"580.105.08`"" -f (0x18 + $g)
            # A tenth of the GPUs (every hundred GPUs, ten) are split into three MIG instances.
            $mig = (($h * 8 + $g) % 10) -eq 0
            $labels = if ($mig) { 1..3 | ForEach-Object { "$base,GPU_I_PROFILE=`"2g.20gb`",GPU_I_ID=`"$_`"" } } else { , $base }
            foreach ($l in $labels) { $null = $sb.Append($f).Append('{').Append($l).Append('} ').Append((($h + $g) % 97).ToString($inv)).Append("`n") }
        }
    }
    $sb.ToString()
}
$expectedMig = 0
for ($h = 0; $h -lt $Hosts; $h++) { for ($g = 0; $g -lt 8; $g++) { if ((($h * 8 + $g) % 10) -eq 0) { $expectedMig++ } } }
if (-not (Test-Path (Join-Path $scrapes ('host-{0:D4}.txt' -f ($Hosts - 1))))) {
    Write-Host "Generating $Hosts host scrapes in $scrapes"
    for ($h = 0; $h -lt $Hosts; $h++) { [IO.File]::WriteAllText((Join-Path $scrapes ('host-{0:D4}.txt' -f $h)), (Get-HostScrape $h)) }
}

function Get-FreePort { $l = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $l.Start(); try { $l.LocalEndpoint.Port } finally { $l.Stop() } }
$httpPort = Get-FreePort
$promPort = Get-FreePort
$run = Join-Path $data ("run-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
$null = New-Item -ItemType Directory -Force (Join-Path $run 'tsdb')
$targets = for ($h = 0; $h -lt $Hosts; $h++) { "      - targets: ['127.0.0.1:$httpPort']`n        labels: {{ __metrics_path__: '/host-{0:D4}.txt', instance: 'gpu-node-{0:D4}:9400' }}" -f $h }
Set-Content (Join-Path $run 'prometheus.yml') ("global:`n  scrape_interval: 15s`n  scrape_timeout: 10s`nscrape_configs:`n  - job_name: dcgm`n    honor_labels: true`n    static_configs:`n" + ($targets -join "`n")) -Encoding utf8NoBOM
$http = Start-Process python3 -ArgumentList '-m', 'http.server', $httpPort, '--bind', '127.0.0.1', '--directory', $scrapes -PassThru -RedirectStandardError (Join-Path $run 'http.log') -RedirectStandardOutput (Join-Path $run 'http.out')
$prom = Start-Process prometheus -PassThru -RedirectStandardError (Join-Path $run 'prometheus.log') -RedirectStandardOutput (Join-Path $run 'prometheus.out') -ArgumentList @(
    "--config.file=$(Join-Path $run 'prometheus.yml')", "--storage.tsdb.path=$(Join-Path $run 'tsdb')", "--web.listen-address=127.0.0.1:$promPort", '--log.level=warn')
$uri = "http://127.0.0.1:$promPort"
try {
    $client = [Net.Http.HttpClient]::new()
    function Invoke-Query([string] $Query) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $pairs = [Collections.Generic.List[Collections.Generic.KeyValuePair[string, string]]]::new()
        $pairs.Add([Collections.Generic.KeyValuePair[string, string]]::new('query', $Query))
        $form = [Net.Http.FormUrlEncodedContent]::new($pairs)
        $body = $client.PostAsync("$uri/api/v1/query", $form).GetAwaiter().GetResult().Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        $sw.Stop()
        $json = [Text.Encoding]::UTF8.GetString($body) | ConvertFrom-Json
        [pscustomobject]@{ Seconds = $sw.Elapsed.TotalSeconds; Series = @($json.data.result).Count; Bytes = $body.Length; Result = $json.data.result }
    }
    Write-Host "Waiting for Prometheus on $uri to scrape $Hosts targets ..."
    $deadline = [DateTime]::UtcNow.AddMinutes(5)
    do {
        Start-Sleep -Seconds 2
        $n = try { [int](Invoke-Query 'count(count by (UUID) (DCGM_FI_DEV_SM_CLOCK))').Result[0].value[1] } catch { 0 }
    } while ($n -lt $Hosts * 8 -and [DateTime]::UtcNow -lt $deadline)
    if ($n -lt $Hosts * 8) { throw "Prometheus scraped $n of $($Hosts * 8) GPUs in 5 minutes; see $run/prometheus.log." }

    function Measure-Median([scriptblock] $Block) {
        $runs = 1..$Repeat | ForEach-Object { & $Block }
        $runs | Sort-Object Seconds | Select-Object -Index ([int][Math]::Floor($Repeat / 2))
    }
    $module = Measure-Median {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $verbose = Get-GpuInventory -PrometheusUri $uri -Verbose 4>&1
        $sw.Stop()
        $items = @($verbose | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
        $summary = ($verbose | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'quer(y|ies) to' }).Message
        if ($summary -notmatch '^(\d+) quer\w+ to .*: (\d+) series, (\d+) bytes') { throw "No query summary in the verbose output: $summary" }
        [pscustomobject]@{
            Seconds = $sw.Elapsed.TotalSeconds; Queries = [int]$Matches[1]; Series = [long]$Matches[2]; Bytes = [long]$Matches[3]
            Gpus = ($items | Measure-Object Count -Sum).Sum; Mig = ($items | Measure-Object MigSlices -Sum).Sum; Items = $items.Count
        }
    }
    if ($module.Gpus -ne $Hosts * 8 -or $module.Mig -ne $expectedMig * 3) { throw "Wrong counts: $($module.Gpus) GPUs, $($module.Mig) MIG slices." }
    $allMetrics = Measure-Median { Invoke-Query '{__name__=~"DCGM_FI_.*"}' }
    $perGpu = Measure-Median { Invoke-Query 'DCGM_FI_DEV_SM_CLOCK' }

    ''
    "Fleet: $Hosts hosts x 8 = $($Hosts * 8) GPUs, $expectedMig split into 3 MIG instances; $($fields.Count) fields; median of $Repeat"
    '{0,-58} {1,9} {2,9} {3,12} {4,8}' -f 'query', 'seconds', 'series', 'bytes', 'queries'
    '{0,-58} {1,9:N3} {2,9:N0} {3,12:N0} {4,8}' -f 'Get-GpuInventory -PrometheusUri (server-side count by)', $module.Seconds, $module.Series, $module.Bytes, $module.Queries
    '{0,-58} {1,9:N3} {2,9:N0} {3,12:N0} {4,8}' -f 'naive: every DCGM series ({__name__=~"DCGM_FI_.*"})', $allMetrics.Seconds, $allMetrics.Series, $allMetrics.Bytes, 1
    '{0,-58} {1,9:N3} {2,9:N0} {3,12:N0} {4,8}' -f 'naive: one metric per GPU (DCGM_FI_DEV_SM_CLOCK)', $perGpu.Seconds, $perGpu.Series, $perGpu.Bytes, 1
    'Ratios (naive / module): all series: {0:N1}x time, {1:N0}x series, {2:N0}x bytes; one metric: {3:N1}x time, {4:N0}x series, {5:N0}x bytes' -f `
        ($allMetrics.Seconds / $module.Seconds), ($allMetrics.Series / $module.Series), ($allMetrics.Bytes / $module.Bytes),
        ($perGpu.Seconds / $module.Seconds), ($perGpu.Series / $module.Series), ($perGpu.Bytes / $module.Bytes)
    "Module answer: $($module.Items) items, $($module.Gpus) GPUs, $($module.Mig) MIG slices (expected $($Hosts * 8) and $($expectedMig * 3))"
} finally {
    if (-not $prom.HasExited) { $prom.Kill(); $null = $prom.WaitForExit(10000) }
    if (-not $http.HasExited) { $http.Kill(); $null = $http.WaitForExit(10000) }
    Remove-Item $run -Recurse -Force -ErrorAction SilentlyContinue
}

# The file reader on a large saved scrape: the fleet's scrapes repeated up to -ScrapeMB (several scrapes in one file).
$big = Join-Path $data "fleet-$ScrapeMB-MB.txt"
if (-not (Test-Path $big)) {
    Write-Host "Writing $big"
    $files = Get-ChildItem $scrapes -Filter host-*.txt | Sort-Object Name
    $out = [IO.File]::Create($big)
    try {
        while ($out.Length -lt $ScrapeMB * 1MB) { foreach ($f in $files) { $bytes = [IO.File]::ReadAllBytes($f.FullName); $out.Write($bytes, 0, $bytes.Length) } }
    } finally { $out.Dispose() }
}
$exe = [Environment]::ProcessPath
[string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
$json = & $exe @prefix -NoProfile -NonInteractive -Command @"
Import-Module '$ModulePath'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$items = Import-GpuInventory -LiteralPath '$big'
`$sw.Stop()
[pscustomobject]@{ Seconds = `$sw.Elapsed.TotalSeconds; Gpus = (`$items | Measure-Object Count -Sum).Sum; PeakMB = (Get-Process -Id `$PID).PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
$file = $json | Select-Object -Last 1 | ConvertFrom-Json
$mb = (Get-Item $big).Length / 1MB
'{0,-58} {1,9:N3} s  {2:N0} MB/s  peak {3:N0} MB for a {4:N0} MB file ({5:N0} GPUs)' -f 'Import-GpuInventory on a saved scrape', $file.Seconds, ($mb / $file.Seconds), $file.PeakMB, $mb, $file.Gpus

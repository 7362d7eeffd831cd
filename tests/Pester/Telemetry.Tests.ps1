# Get-GpuInventory and Get-GpuUsage against a REAL Prometheus (see PrometheusFixture.ps1). Without Prometheus the
# server tests are skipped with a message saying how to enable them; under CI=true that is a failure.
BeforeDiscovery {
    . "$PSScriptRoot/PrometheusFixture.ps1"
    $skipReason = Get-PrometheusSkipReason
    $noServer = [bool]$skipReason
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PrometheusFixture.ps1"
    $dcgm = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/telemetry/dcgm'
    $inventory = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
    $skipReason = Get-PrometheusSkipReason
    if ($skipReason) {
        if ($env:CI -eq 'true') { throw "CI=true and the real-Prometheus tests cannot run: $skipReason" }
        Write-Warning "Skipping the real-Prometheus tests: $skipReason"
    } else {
        $server = Start-TestPrometheus -ScrapeFiles (Get-ChildItem $dcgm -Filter *.txt).FullName
        $p = @{ PrometheusUri = $server.Uri; Credential = $server.Credential }
    }
}

AfterAll {
    if ($server) { $server.Stop() }
}

Describe 'Get-GpuInventory -PrometheusUri (real Prometheus 2.42, basic auth)' -Skip:$noServer {
    BeforeAll {
        $items = Get-GpuInventory @p -ErrorVariable errs -WarningVariable warns -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    }
    It 'counts physical GPUs per host and model as the file reader does' {
        (Get-Command Get-GpuInventory).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Inventory.GpuInventoryItem')
        $byHost = @{}
        foreach ($i in $items) { $byHost[$i.Host] = $i }
        $byHost['i-030791dc5a37cd257'].Model | Should -Be 'L4'
        $byHost['i-030791dc5a37cd257'].Count | Should -Be 1   # two scrapes in the file, one GPU
        $byHost['i-030791dc5a37cd257'].MemoryMiB | Should -Be 23034
        $byHost['ip-10-200-3-41'].Model | Should -Be 'T4'
        $byHost['conformance-test-np1-qcqc8-bpdtl-wv2gs'].Model | Should -Be 'A100-SXM4-40GB'
        $byHost['conformance-test-np1-qcqc8-bpdtl-wv2gs'].Count | Should -Be 0.25
        $byHost['dcgm-exporter-lcxpl'].Count | Should -Be 5
        $byHost['dcgm-exporter-lcxpl'].Model | Should -Be 'TITAN-V'
        $items.Format | Sort-Object -Unique | Should -Be 'Prometheus'
        $files = Get-ChildItem $dcgm -Filter *.txt | Import-GpuInventory -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        foreach ($f in $files) {
            $live = $items | Where-Object { $_.Host -eq $f.Host -and $_.RawName -eq $f.RawName }
            $live.Count | Should -Be $f.Count -Because "$($f.Host) $($f.RawName)"
        }
    }
    It 'writes an error for series without modelName, and warns about pod-name hosts' {
        $missing = @($errs | Where-Object FullyQualifiedErrorId -Like 'DcgmModelNameMissing,*')
        $missing.Count | Should -Be 2
        ($missing.Exception.Message -join ' ') | Should -Match 'ub20-a100-k8s'
        ($missing.Exception.Message -join ' ') | Should -Match 'modelName'
        $errs.Count | Should -Be 2
        $warns -join ' ' | Should -Match "dcgm-exporter-lcxpl.*NODE_NAME"
        $warns -join ' ' | Should -Match 'plain HTTP'
    }
    It 'pipes into Measure-GpuFleet' {
        $fleet = Get-GpuInventory @p -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Measure-GpuFleet -WarningAction SilentlyContinue
        $fleet.Gpus | Should -Be 7.25
        $fleet.Models | Should -Be 4
    }
    It 'applies -Selector on the server and warns when nothing matches' {
        $l4 = Get-GpuInventory @p -Selector '{Hostname="i-030791dc5a37cd257"}' -WarningAction SilentlyContinue
        @($l4).Count | Should -Be 1
        $l4.Model | Should -Be 'L4'
        $none = Get-GpuInventory @p -Selector '{cluster="no-such-cluster"}' -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable e
        $none | Should -BeNullOrEmpty
        $e | Should -BeNullOrEmpty
        $w -join ' ' | Should -Match 'has no dcgm-exporter GPU series'
    }
    It 'asks the server to aggregate: a handful of queries, one series per host and model' {
        $verbose = Get-GpuInventory @p -Verbose -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $summary = $verbose | Where-Object Message -Match 'quer(y|ies) to'
        $summary.Message | Should -Match '^4 queries to .*: (\d+) series'
        [int]($summary.Message -replace '^.*: (\d+) series.*$', '$1') | Should -BeLessOrEqual 10
        ($verbose.Message -join "`n") | Should -Match 'count by'
    }
    It 'reads at a past -Time: nothing was scraped a year ago' {
        Get-GpuInventory @p -Time (Get-Date).AddYears(-1) -WarningVariable w -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $w -join ' ' | Should -Match 'has no dcgm-exporter GPU series at'
    }
}

Describe 'Get-GpuUsage (backfilled history)' -Skip:$noServer {
    BeforeAll {
        $usage = Get-GpuUsage @p -Start $server.History.Start -End $server.History.End -WarningAction SilentlyContinue
        $a = $usage | Where-Object Host -EQ 'hist-a'
        $b = $usage | Where-Object Host -EQ 'hist-b'
    }
    It 'declares its output type and gives one object per host and model' {
        (Get-Command Get-GpuUsage).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Telemetry.GpuUsage')
        @($usage).Count | Should -Be 2
        $a.Model | Should -Be 'H100-SXM5-80GB'
        $b.Model | Should -Be 'A100-SXM4-40GB'
    }
    It 'counts GPU-hours of physical GPUs (MIG instances collapsed)' {
        [math]::Round($a.GpuHours, 6) | Should -Be 12
        [math]::Round($a.Gpus, 6) | Should -Be 2
        [math]::Round($b.GpuHours, 6) | Should -Be 6
    }
    It 'averages utilisation from GR_ENGINE_ACTIVE where present, else GPU_UTIL, and says which' {
        $a.UtilizationMetric | Should -Be 'DCGM_FI_PROF_GR_ENGINE_ACTIVE'
        [math]::Round($a.AverageUtilization, 6) | Should -Be 0.5
        $b.UtilizationMetric | Should -Be 'DCGM_FI_DEV_GPU_UTIL'
        [math]::Round($b.AverageUtilization, 6) | Should -Be 0.4
    }
    It 'never sums power or energy repeated on MIG instances, and survives a counter reset' {
        [math]::Round($a.AveragePowerWatts, 6) | Should -Be 250     # (300 + 200) / 2, not (300 + 200 + 200) / 2
        [math]::Round($a.EnergyKWh, 6) | Should -Be 3               # 300 W and 200 W for 6 h
        [math]::Round($b.AveragePowerWatts, 6) | Should -Be 250
        [math]::Round($b.EnergyKWh, 6) | Should -Be 1.5             # 250 W for 6 h across the driver reload
    }
    It 'takes -Last with -End' {
        $last = Get-GpuUsage @p -End $server.History.End -Last (New-TimeSpan -Hours 3) -WarningAction SilentlyContinue | Where-Object Host -EQ 'hist-b'
        [math]::Round($last.GpuHours, 6) | Should -Be 3
        [math]::Round($last.EnergyKWh, 6) | Should -Be 0.75
    }
    It 'feeds Measure-GpuFleet, which reports measured energy and utilisation beside the TDP estimate' {
        $fleet = $usage | Measure-GpuFleet -WarningAction SilentlyContinue
        [math]::Round($fleet.Gpus, 6) | Should -Be 3
        [math]::Round($fleet.MeasuredEnergyKWh, 6) | Should -Be 4.5
        [math]::Round($fleet.MeasuredGpuHours, 6) | Should -Be 18
        $fleet.EnergyBasis | Should -Match 'measured'
        $fleet.UtilizationBasis | Should -Match 'measured'
        ($fleet.Notes -join ' ') | Should -Match 'Measured'
        $fleet.AnnualEnergyGWh | Should -BeGreaterThan 0
    }
    It 'gives the same figures under another culture' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $de = Get-GpuUsage @p -Start $server.History.Start -End $server.History.End -WarningAction SilentlyContinue | Where-Object Host -EQ 'hist-b'
        } finally { [cultureinfo]::CurrentCulture = $saved }
        [math]::Round($de.EnergyKWh, 6) | Should -Be 1.5
        [math]::Round($de.AverageUtilization, 6) | Should -Be 0.4
    }
    It 'refuses an empty window as an invalid invocation' {
        { Get-GpuUsage @p -Start $server.History.End -End $server.History.Start -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'InvalidTimeWindow,*'
        { Get-GpuUsage @p -Start $server.History.Start -Last (New-TimeSpan -Hours 1) -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'ConflictingWindow,*'
    }
}

Describe 'Prometheus errors and secrets' -Skip:$noServer {
    It 'a missing or wrong password is a non-terminating 401 error naming the URI, never the password' {
        Get-GpuInventory -PrometheusUri $server.Uri -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusUnauthorized,*'
        $e[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $e[0].Exception.Message | Should -Match ([regex]::Escape($server.Uri))
        $bad = [pscredential]::new('capacity', (ConvertTo-SecureString 'wrong-pass-123' -AsPlainText -Force))
        $out = Get-GpuInventory -PrometheusUri $server.Uri -Credential $bad -ErrorVariable e2 -ErrorAction SilentlyContinue -WarningVariable w -WarningAction SilentlyContinue -Verbose 4>&1 | Out-String
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusUnauthorized,*'
        ($out + ($e2 | Out-String) + ($w -join ' ') + $e2[0].ErrorDetails.RecommendedAction) | Should -Not -Match 'wrong-pass-123'
    }
    It 'credentials never appear in output, verbose text, warnings or errors' {
        $all = & { Get-GpuInventory @p -Verbose -ErrorAction Continue; Get-GpuInventory @p -Selector '{x=~"("}' -Verbose -ErrorAction Continue } *>&1 | Out-String
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("capacity:$($server.Password)"))
        $all | Should -Not -Match ([regex]::Escape($server.Password))
        $all | Should -Not -Match ([regex]::Escape($basic))
        $all | Should -Match 'POST http://127\.0\.0\.1'
    }
    It 'a PromQL error (400 bad_data) is a clear error' {
        Get-GpuInventory @p -Selector '{x=~"("}' -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusBadQuery,*'
        $e[0].Exception.Message | Should -Match 'bad_data'
    }
    It 'a selector that is not a label matcher is an invalid invocation' {
        { Get-GpuInventory @p -Selector 'up{job="x"}' -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'InvalidSelector,*'
        { Get-GpuInventory -PrometheusUri $server.Uri -Credential $server.Credential -BearerToken $server.Token -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'ConflictingCredentials,*'
    }
    It 'a wrong path prefix is a 404 that says to give the API root' {
        Get-GpuInventory -PrometheusUri "$($server.Uri)/no/such/prefix" -Credential $server.Credential -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusNotFound,*'
        $e[0].ErrorDetails.RecommendedAction | Should -Match 'path prefix'
    }
    It 'an unreachable server, a TLS failure and a timeout are connection errors, not raw HttpRequestExceptions' {
        $closed = Get-FreePort
        Get-GpuInventory -PrometheusUri "http://127.0.0.1:$closed" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusUnreachable,*'
        $e[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $e[0].Exception.Message | Should -Match "127\.0\.0\.1:$closed"
        Get-GpuInventory -PrometheusUri ($server.Uri -replace '^http:', 'https:') -Credential $server.Credential -ErrorVariable t -ErrorAction SilentlyContinue
        $t[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusTlsFailure,*'
        # A listener that accepts connections (the kernel's backlog) but never answers.
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            Get-GpuInventory -PrometheusUri "http://127.0.0.1:$($silent.LocalEndpoint.Port)" -TimeoutSec 1 -ErrorVariable s -ErrorAction SilentlyContinue
        } finally { $silent.Stop() }
        $s[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusTimeout,*'
        $s[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $s[0].Exception.Message | Should -Match 'within 1 s'
        { Get-GpuInventory -PrometheusUri "http://127.0.0.1:$closed" -ErrorAction Stop } | Should -Throw -ErrorId 'PrometheusUnreachable,*'
    }
}

Describe 'A gateway with a bearer token, a tenant header and a path prefix' -Skip:$noServer {
    It 'sends -BearerToken and -Header and tolerates VictoriaMetrics members' {
        $items = Get-GpuInventory -PrometheusUri $server.GatewayUri -BearerToken $server.Token -Header @{ 'X-Scope-OrgID' = $server.Tenant } -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        ($items | Where-Object Model | Measure-Object Count -Sum).Sum | Should -Be 7.25
        $usage = Get-GpuUsage -PrometheusUri $server.GatewayUri -BearerToken $server.Token -Header @{ 'X-Scope-OrgID' = $server.Tenant } -Start $server.History.Start -End $server.History.End -WarningAction SilentlyContinue
        [math]::Round(($usage | Measure-Object EnergyKWh -Sum).Sum, 6) | Should -Be 4.5
    }
    It 'a wrong token or a missing header is a 401 that never shows the token' {
        $wrong = ConvertTo-SecureString 'not-the-token-42' -AsPlainText -Force
        $all = Get-GpuInventory -PrometheusUri $server.GatewayUri -BearerToken $wrong -Header @{ 'X-Scope-OrgID' = $server.Tenant } -ErrorVariable e -ErrorAction SilentlyContinue -WarningVariable w -WarningAction SilentlyContinue -Verbose 4>&1 | Out-String
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusUnauthorized,*'
        $e[0].Exception.Message | Should -Match 'select/0/prometheus'
        ($all + ($e | Out-String) + ($w -join ' ')) | Should -Not -Match 'not-the-token-42'
        Get-GpuInventory -PrometheusUri $server.GatewayUri -BearerToken $server.Token -ErrorVariable e2 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'PrometheusUnauthorized,*'
    }
}

Describe 'Get-GpuInventory on the local machine (vendor tools replaced by scripts that print recorded output)' {
    BeforeAll {
        $bin = Join-Path ([IO.Path]::GetTempPath()) ("ct-tools-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
        $null = New-Item -ItemType Directory $bin
        function New-FakeTool([string] $Name, [string] $File) {
            $path = (Resolve-Path $File).Path
            if ($IsWindows) {
                Set-Content (Join-Path $bin "$Name.cmd") "@type `"$path`""
            } else {
                # Shell built-ins only: PATH holds nothing but the fake tools.
                Set-Content (Join-Path $bin $Name) "#!/bin/sh`nwhile IFS= read -r l || [ -n `"`$l`" ]; do printf '%s\n' `"`$l`"; done < '$path'`n" -Encoding utf8NoBOM
                chmod +x (Join-Path $bin $Name)
            }
        }
        $savedPath = $env:PATH
    }
    AfterAll {
        $env:PATH = $savedPath
        Remove-Item $bin -Recurse -Force -ErrorAction SilentlyContinue
    }
    It 'runs nvidia-smi -q -x and rocm-smi --json and reads them as the saved files are read' {
        New-FakeTool 'nvidia-smi' (Join-Path $inventory 'nvidia-smi-q-x-v12-h100.xml')
        New-FakeTool 'rocm-smi' (Join-Path $inventory 'rocm-smi-productname.json')
        $env:PATH = $bin
        try { $items = Get-GpuInventory -ErrorVariable e } finally { $env:PATH = $savedPath }
        $e | Should -BeNullOrEmpty
        $h100 = $items | Where-Object Format -EQ 'NvidiaSmiXml'
        $h100.Model | Should -Be 'H100-SXM5-80GB'
        $h100.Count | Should -Be 2
        $h100.Host | Should -Be ([Environment]::MachineName)
        $h100.Source.File | Should -Be 'nvidia-smi -q -x'
        (($items | Where-Object Format -EQ 'RocmSmiJson') | Measure-Object Count -Sum).Sum | Should -Be 8
    }
    It 'no vendor tool on PATH is a clear error' {
        $empty = Join-Path $bin 'empty'
        $null = New-Item -ItemType Directory $empty
        $env:PATH = $empty
        try { Get-GpuInventory -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty } finally { $env:PATH = $savedPath }
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NoGpuTool,*'
        $e[0].Exception.Message | Should -Match 'nvidia-smi'
    }
}

Describe 'Saved dcgm-exporter scrapes' {
    It 'Import-GpuInventory, ConvertFrom-GpuInventory and Measure-GpuFleet -Path read them alike' {
        $l4 = Join-Path $dcgm 'l4-aws-kops-conformance.txt'
        $file = Import-GpuInventory -LiteralPath $l4
        $file.Format | Should -Be 'DcgmExporter'
        ($file.Host, $file.Model, $file.Count, $file.MemoryMiB) | Should -Be @('i-030791dc5a37cd257', 'L4', 1, 23034)
        $piped = Get-Content $l4 | ConvertFrom-GpuInventory
        ($piped.Model, $piped.Count) | Should -Be @('L4', 1)
        $fleet = Measure-GpuFleet -Path (Join-Path $dcgm '*.txt') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $fleet.Gpus | Should -Be 7.25
    }
    It 'a scrape without modelName is an error with its file and line, and nothing counts' {
        $items = Import-GpuInventory -LiteralPath (Join-Path $dcgm 'gpu-k8s-empty-pod-labels-no-modelname-gmt138.txt') -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $items | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'DcgmModelNameMissing,*'
        $e[0].Exception.Message | Should -Match 'gmt138\.txt:1: .*modelName'
    }
}

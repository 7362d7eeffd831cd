<#
.SYNOPSIS
    Bulk inventory speed: 1M- and 10M-row fleet CSVs read by the idiomatic PowerShell way, a bare
    CsvHelper scan, Get-GpuEquivalent -Path and Measure-GpuFleet -Path; pipeline mode against a no-op
    ForEach-Object; Import-Module against a bare pwsh start. Prints ratios and peak memory.
.DESCRIPTION
    Run by 'build.ps1 -Task Bench'. Data goes to bench/data/ (gitignored) and is generated once.
    The idiomatic way (Import-Csv | Group-Object and arithmetic) is measured on 1M rows only: on 10M
    rows it needs minutes and gigabytes. Peak memory is the peak working set of a child pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Repeat = 7
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
$moduleDir = Split-Path $ModulePath
# The module keeps its assemblies in deps/ (loaded in its own context on PowerShell 7); the bare-scan baseline uses the same CsvHelper.
$lib = if (Test-Path (Join-Path $moduleDir 'deps')) { Join-Path $moduleDir 'deps' } else { $moduleDir }
$data = Join-Path $PSScriptRoot 'data'
$null = New-Item -ItemType Directory -Force $data
$inv = [cultureinfo]::InvariantCulture

# Child pwsh of the same build as this one (dotnet pwsh or a pwsh executable).
$exe = [Environment]::ProcessPath
[string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
function Invoke-Child([string] $Command) {
    $out = & $exe @prefix -NoProfile -NonInteractive -Command $Command
    if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed: $out" }
    $out | Select-Object -Last 1 | ConvertFrom-Json
}

Add-Type -Path (Join-Path $lib 'CsvHelper.dll')
Add-Type -ReferencedAssemblies (Join-Path $lib 'CsvHelper.dll'), 'netstandard', 'System.Text.Encoding.Extensions', 'System.Memory', 'System.Runtime', (Join-Path $lib 'Microsoft.Bcl.AsyncInterfaces.dll') -TypeDefinition @'
using System;
using System.IO;
using System.Text;

public static class BenchCsv
{
    static readonly string[] Models =
    {
        "NVIDIA A100-SXM4-80GB", "NVIDIA A100-SXM4-40GB", "NVIDIA H100 80GB HBM3", "H100-SXM5-80GB", "NVIDIA H200",
        "AMD Instinct MI300X", "L40S", "Tesla V100-SXM2-32GB", "Tesla T4", "NVIDIA A10G", "p4d.24xlarge", "p5.48xlarge",
        "a3-highgpu-8g", "NVIDIA B200", "gpu:a100:8(S:0-1)", "NVIDIA L4", "MI250X", "TPU v5e", "NVIDIA GH200 480GB", "A100",
    };

    // Writes rows of Host,Model,Count with a fixed seed, so every run measures the same file.
    public static void Generate(string path, int rows)
    {
        var random = new Random(42);
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("Host,Model,Count\n");
            for (var i = 0; i < rows; i++)
            {
                w.Write("node");
                w.Write(i.ToString("D8"));
                w.Write(',');
                var model = Models[random.Next(Models.Length)];
                if (model.IndexOf(',') >= 0 || model.IndexOf('(') >= 0) { w.Write('"'); w.Write(model); w.Write('"'); } else w.Write(model);
                w.Write(',');
                w.Write((random.Next(8) + 1).ToString());
                w.Write('\n');
            }
        }
    }

    // The floor: CsvHelper reading every record and touching the model column, nothing else.
    public static long ScanModelColumn(string path)
    {
        long bytes = 0;
        using (var reader = CsvHelper.CsvReader.FromFile(path))
        {
            reader.ReadHeader();
            var model = reader.GetFieldIndex("Model");
            while (reader.Read()) bytes += reader.GetSpan(model).Length;
        }
        return bytes;
    }
}
'@

function Get-BestSeconds([scriptblock] $Block, [int] $Times = $Repeat) {
    $best = [double]::MaxValue
    for ($i = 0; $i -lt $Times; $i++) {
        [GC]::Collect()
        $t = (Measure-Command $Block).TotalSeconds
        if ($t -lt $best) { $best = $t }
    }
    $best
}

$file1 = Join-Path $data 'fleet-1m.csv'
$file10 = Join-Path $data 'fleet-10m.csv'
$fileSmall = Join-Path $data 'fleet-200k.csv'
foreach ($f in @(@($fileSmall, 200000), @($file1, 1000000), @($file10, 10000000))) {
    if (-not (Test-Path $f[0])) {
        Write-Host "Generating $($f[0]) ($($f[1].ToString('N0', $inv)) rows)"
        [BenchCsv]::Generate($f[0], $f[1])
    }
}

Import-Module $ModulePath -Force
$results = [ordered]@{}
Write-Host "`n== 1M rows ($([math]::Round((Get-Item $file1).Length / 1MB)) MB)" -ForegroundColor Cyan

# Warm up every path on the small file, long enough for tiered JIT to reach its optimised code.
for ($i = 0; $i -lt 6; $i++) {
    $null = [BenchCsv]::ScanModelColumn($fileSmall)
    $null = Get-GpuEquivalent -Path $fileSmall -WarningAction SilentlyContinue
    $null = Measure-GpuFleet -Path $fileSmall -WarningAction SilentlyContinue
}

$bare = Get-BestSeconds { $null = [BenchCsv]::ScanModelColumn($file1) }
$eqBulk = Get-BestSeconds { $null = Get-GpuEquivalent -Path $file1 -WarningAction SilentlyContinue }
$fleetBulk = Get-BestSeconds { $null = Measure-GpuFleet -Path $file1 -WarningAction SilentlyContinue }

# The idiomatic way to the same totals: Import-Csv, Group-Object, arithmetic per group.
# Measured in a child so its memory does not stay in this session; once, since it is slow.
$idiomatic = Invoke-Child @"
Import-Module '$ModulePath'
`$perUnit = @{}
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$totals = Import-Csv '$file1' | Group-Object Model | ForEach-Object {
    `$name = `$_.Name
    if (-not `$perUnit.ContainsKey(`$name)) { `$perUnit[`$name] = Get-GpuEquivalent -Model `$name -Count 1 -WarningAction SilentlyContinue }
    `$gpus = (`$_.Group | Measure-Object Count -Sum).Sum
    [pscustomobject]@{ Model = `$perUnit[`$name].Model; Count = `$gpus * `$perUnit[`$name].Count; Equivalents = `$gpus * `$perUnit[`$name].Equivalents }
}
`$eq = (`$totals | Measure-Object Equivalents -Sum).Sum
`$sw.Stop()
[pscustomobject]@{ Seconds = `$sw.Elapsed.TotalSeconds; Equivalents = `$eq; PeakMB = (Get-Process -Id `$PID).PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
$bulkEq = (Get-GpuEquivalent -Path $file1 -WarningAction SilentlyContinue | Measure-Object Equivalents -Sum).Sum
$same = [math]::Abs($idiomatic.Equivalents - $bulkEq) -lt 1e-6 * $bulkEq

'{0,-44} {1,8:N3} s' -f 'bare CsvHelper scan of the model column', $bare
'{0,-44} {1,8:N3} s  {2,6:N2}x the bare scan' -f 'Get-GpuEquivalent -Path', $eqBulk, ($eqBulk / $bare)
'{0,-44} {1,8:N3} s  {2,6:N2}x the bare scan' -f 'Measure-GpuFleet -Path', $fleetBulk, ($fleetBulk / $bare)
'{0,-44} {1,8:N3} s  peak {2:N0} MB' -f 'Import-Csv | Group-Object | arithmetic', $idiomatic.Seconds, $idiomatic.PeakMB
'{0,-44} {1,8:N0}x faster (same equivalents: {2})' -f 'Get-GpuEquivalent -Path vs idiomatic', ($idiomatic.Seconds / $eqBulk), $same
'{0,-44} {1,8:N0}x faster' -f 'Measure-GpuFleet -Path vs idiomatic', ($idiomatic.Seconds / $fleetBulk)

Write-Host "`n== 10M rows ($([math]::Round((Get-Item $file10).Length / 1MB)) MB), each in a child pwsh" -ForegroundColor Cyan
$baseline = Invoke-Child @"
Import-Module '$ModulePath'
`$null = Measure-GpuFleet -Path '$fileSmall' -WarningAction SilentlyContinue
[pscustomobject]@{ PeakMB = (Get-Process -Id `$PID).PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
$big = Invoke-Child @"
Import-Module '$ModulePath'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$s = Measure-GpuFleet -Path '$file10' -WarningAction SilentlyContinue
`$sw.Stop()
[pscustomobject]@{ Seconds = `$sw.Elapsed.TotalSeconds; Gpus = `$s.Gpus; PeakMB = (Get-Process -Id `$PID).PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
$bigEq = Invoke-Child @"
Import-Module '$ModulePath'
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$null = Get-GpuEquivalent -Path '$file10' -WarningAction SilentlyContinue
`$sw.Stop()
[pscustomobject]@{ Seconds = `$sw.Elapsed.TotalSeconds; PeakMB = (Get-Process -Id `$PID).PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
$bare10 = Get-BestSeconds { $null = [BenchCsv]::ScanModelColumn($file10) } 1
'{0,-44} {1,8:N3} s' -f 'bare CsvHelper scan of the model column', $bare10
'{0,-44} {1,8:N3} s  peak {2:N0} MB ({3:N0} GPUs)' -f 'Measure-GpuFleet -Path', $big.Seconds, $big.PeakMB, $big.Gpus
'{0,-44} {1,8:N3} s  peak {2:N0} MB' -f 'Get-GpuEquivalent -Path', $bigEq.Seconds, $bigEq.PeakMB
'{0,-44} {1,8} peak {2:N0} MB' -f 'same child on 200k rows (baseline)', '', $baseline.PeakMB

Write-Host "`n== Pipeline mode: 200k objects from Import-Csv, already in memory" -ForegroundColor Cyan
$rows = Import-Csv $fileSmall
$noop = Get-BestSeconds { $rows | ForEach-Object { } }
$pipeFleet = Get-BestSeconds { $null = $rows | Measure-GpuFleet -WarningAction SilentlyContinue }
$pipeEq = Get-BestSeconds { $null = $rows | Get-GpuEquivalent -WarningAction SilentlyContinue }
$pipeSame = [math]::Abs(($rows | Measure-GpuFleet -WarningAction SilentlyContinue).Equivalents - (Measure-GpuFleet -Path $fileSmall -WarningAction SilentlyContinue).Equivalents) -lt 1e-6
'{0,-44} {1,8:N3} s' -f '$rows | ForEach-Object { } (no-op)', $noop
'{0,-44} {1,8:N3} s  {2,6:N2}x the no-op (same totals as -Path: {3})' -f '$rows | Measure-GpuFleet', $pipeFleet, ($pipeFleet / $noop), $pipeSame
'{0,-44} {1,8:N3} s  {2,6:N2}x the no-op' -f '$rows | Get-GpuEquivalent', $pipeEq, ($pipeEq / $noop)
Remove-Variable rows

Write-Host "`n== Import-Module against a bare pwsh start (median of 7 child starts)" -ForegroundColor Cyan
function Get-MedianStart([string] $Command) {
    $times = for ($i = 0; $i -lt 7; $i++) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        & $exe @prefix -NoProfile -NonInteractive -Command $Command | Out-Null
        $sw.Stop()
        $sw.Elapsed.TotalMilliseconds
    }
    ($times | Sort-Object)[3]
}
$start = Get-MedianStart 'exit 0'
$import = Get-MedianStart "Import-Module '$ModulePath'; exit 0"
'{0,-44} {1,8:N0} ms' -f 'pwsh -NoProfile -Command exit', $start
'{0,-44} {1,8:N0} ms  +{2:N0} ms' -f 'pwsh -NoProfile -Command Import-Module', $import, ($import - $start)

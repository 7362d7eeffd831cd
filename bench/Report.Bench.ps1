<#
.SYNOPSIS
    Export-CapacityReport on a 1,000,000-row inventory: the summarised HTML, XLSX and Markdown reports against
    a naive HTML dump of the same items (ConvertTo-Html, what an admin would otherwise write), measured in the
    same run. Prints sizes, times and ratios.
.DESCRIPTION
    Run by 'build.ps1 -Task Bench'. The inventory CSV (1,000,000 rows, 125,000 hosts) goes to bench/data/
    (git-ignored) and is generated once. The items are read once (Import-GpuInventory) and the same objects
    feed every writer, so the times compare the writers, not the reader.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Rows = 1000000
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path -Force
$data = Join-Path $PSScriptRoot 'data'
$null = New-Item -ItemType Directory -Force $data
$inv = [cultureinfo]::InvariantCulture
$csv = Join-Path $data "report-inventory-$Rows.csv"
if (-not (Test-Path $csv)) {
    $models = 'NVIDIA H100 80GB HBM3', 'NVIDIA A100-SXM4-80GB', 'AMD Instinct MI300X', 'NVIDIA L40S', '<img src=x onerror=alert(1)>'
    $writer = [IO.StreamWriter]::new($csv)
    try {
        $writer.WriteLine('Host,Model,Count')
        for ($i = 0; $i -lt $Rows; $i++) { $writer.WriteLine("node$(([int][math]::Floor($i / 8)).ToString('D6', $inv)),$($models[$i % 5]),1") }
    } finally { $writer.Dispose() }
}

$items = Import-GpuInventory -Path $csv -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
Write-Host ('{0:N0} inventory items read from {1}' -f $items.Count, $csv)

function Measure-Write([string] $Name, [string] $Path, [scriptblock] $Write) {
    if (Test-Path $Path) { Remove-Item $Path }
    [GC]::Collect()
    $time = Measure-Command { & $Write }
    [pscustomobject]@{ Writer = $Name; Seconds = [math]::Round($time.TotalSeconds, 2); KB = [math]::Round((Get-Item $Path).Length / 1KB, 1) }
}

$out = Join-Path $data 'report-out'
$null = New-Item -ItemType Directory -Force $out
$results = @(
    Measure-Write 'naive HTML dump (ConvertTo-Html)' "$out/naive.html" { $items | ConvertTo-Html -Property Host, Model, RawName, Count | Set-Content "$out/naive.html" }
    Measure-Write 'Export-CapacityReport .html' "$out/report.html" { $items | Export-CapacityReport -Path "$out/report.html" -WarningAction SilentlyContinue }
    Measure-Write 'Export-CapacityReport .xlsx' "$out/report.xlsx" { $items | Export-CapacityReport -Path "$out/report.xlsx" -WarningAction SilentlyContinue }
    Measure-Write 'Export-CapacityReport .md' "$out/report.md" { $items | Export-CapacityReport -Path "$out/report.md" -WarningAction SilentlyContinue }
)
$naive = $results[0]
$results | Select-Object Writer, Seconds, KB, @{ n = 'SizeVsNaive'; e = { '{0:0.0000}x' -f ($_.KB / $naive.KB) } }, @{ n = 'TimeVsNaive'; e = { '{0:0.00}x' -f ($_.Seconds / $naive.Seconds) } } |
    Format-Table -AutoSize | Out-Host
$html = $results[1]
Write-Host ('HTML report of {0:N0} rows: {1:N1} KB ({2}), {3:N2} s; the naive dump: {4:N1} MB, {5:N2} s.' -f $items.Count, $html.KB, $(if ($html.KB -lt 2048) { 'under 2 MB' } else { 'OVER 2 MB' }), $html.Seconds, ($naive.KB / 1024), $naive.Seconds)

<#
.SYNOPSIS
    Compare-MarketToGdp: the first call (loads the embedded WEO edition) against the steady state, and the
    cmdlet against the same ranking done in PowerShell over Get-CountryGdp output. Prints ratios.
    Runs in a fresh pwsh (build.ps1 -Task Bench), so the first call really is the first.
#>
param([Parameter(Mandatory)] [string] $ModulePath, [int] $Iterations = 2000)

$ErrorActionPreference = 'Stop'
$import = [Diagnostics.Stopwatch]::StartNew()
Import-Module (Resolve-Path $ModulePath).Path -Force
$import.Stop()

# First call: parses the amount, loads WEO-2025-10 (economies, aggregates, crosswalk), ranks.
$first = [Diagnostics.Stopwatch]::StartNew()
$r = Compare-MarketToGdp '$800 billion' -Year 2024
$first.Stop()
if ($r.Rank -ne 22) { throw "Unexpected rank $($r.Rank)" }

# Steady state: the same call, many times (amounts vary so nothing is cached by accident).
$amounts = foreach ($i in 1..$Iterations) { '{0}B' -f (100 + $i) }
$null = Compare-MarketToGdp $amounts[0] -Year 2024
$steady = [Diagnostics.Stopwatch]::StartNew()
foreach ($a in $amounts) { $null = Compare-MarketToGdp $a -Year 2024 }
$steady.Stop()
$perCallMs = $steady.Elapsed.TotalMilliseconds / $Iterations

# The same rank in PowerShell: every economy of the year from Get-CountryGdp, then filter and sort.
$naiveIterations = 50
$naive = [Diagnostics.Stopwatch]::StartNew()
foreach ($i in 1..$naiveIterations) {
    $amount = 800e9
    $all = Get-CountryGdp -Year 2024
    $rank = @($all | Where-Object GdpUsd -GT $amount).Count + 1
    $above = $all | Where-Object GdpUsd -GT $amount | Sort-Object GdpUsd | Select-Object -First 1
}
$naive.Stop()
if ($rank -ne 22 -or $above.Iso3 -ne 'POL') { throw 'The PowerShell ranking disagrees.' }
$naivePerCallMs = $naive.Elapsed.TotalMilliseconds / $naiveIterations

# Loading the other editions, each on its first use.
$editions = foreach ($e in 'WEO-2025-04', 'WEO-2024-10', 'WDI-2024-09') {
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $null = Compare-MarketToGdp 800B -Edition $e -Year 2023
    $sw.Stop()
    '{0} {1:N0} ms' -f $e, $sw.Elapsed.TotalMilliseconds
}

$inv = [cultureinfo]::InvariantCulture
Write-Host "Compare-MarketToGdp ($Iterations calls)" -ForegroundColor Cyan
Write-Host ([string]::Format($inv, '  Import-Module                       {0,9:N1} ms', $import.Elapsed.TotalMilliseconds))
Write-Host ([string]::Format($inv, '  first call (loads WEO-2025-10)      {0,9:N1} ms', $first.Elapsed.TotalMilliseconds))
Write-Host ([string]::Format($inv, '  steady state, per call              {0,9:N3} ms', $perCallMs))
Write-Host ([string]::Format($inv, '  ratio first call / steady state     {0,9:N0} x', $first.Elapsed.TotalMilliseconds / $perCallMs))
Write-Host ([string]::Format($inv, '  same rank in PowerShell, per call   {0,9:N3} ms', $naivePerCallMs))
Write-Host ([string]::Format($inv, '  ratio PowerShell / cmdlet           {0,9:N0} x', $naivePerCallMs / $perCallMs))
Write-Host "  other editions, first use: $($editions -join '; ')"

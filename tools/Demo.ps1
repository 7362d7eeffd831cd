<#
.SYNOPSIS
    The main job on embedded data: the seed article's claims, checked.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path -Force
$claims = Import-Csv (Join-Path $PSScriptRoot '../seeds/claims.csv')
$inv = [cultureinfo]::InvariantCulture

function Write-Heading([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

$fleet = $claims | Where-Object Id -EQ 'meta-a100-count'
$total = $claims | Where-Object Id -EQ 'meta-h100e-total'
$count = [double]::Parse($fleet.Value, $inv)
$claimedTotal = [double]::Parse($total.Value, $inv)

Write-Heading "Claim: '$($fleet.Subject)' has $($count.ToString('N0', $inv)) $($fleet.Unit) in $($fleet.Year) ($($fleet.Attribution))"
$byMetric = foreach ($metric in 'Bf16', 'Epoch8Bit') {
    Get-GpuEquivalent -Model $fleet.Unit -Count $count -Metric $metric -WarningAction SilentlyContinue
}
$byMetric | Format-Table Model, Metric, @{ n = 'Figure'; e = { '{0:N1} / {1:N1} {2}' -f $_.ModelValue, $_.ReferenceValue, $_.Unit } }, @{ n = 'PerUnit'; e = { $_.PerUnit.ToString('N4') } }, @{ n = 'H100e'; e = { $_.Equivalents.ToString('N0') } } -AutoSize | Out-Host

Write-Heading "Claim: about $($claimedTotal.ToString('N0', $inv)) H100 equivalents in all, 'including other GPUs'"
foreach ($row in $byMetric) {
    $rest = $claimedTotal - $row.Equivalents
    '{0,-9} the A100s give {1:N0} H100e; the other GPUs must supply {2:N0} H100e, {3:P0} of the claim.' -f `
        $row.Metric, $row.Equivalents, $rest, ($rest / $claimedTotal) | Out-Host
}

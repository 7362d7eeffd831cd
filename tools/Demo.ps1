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

Write-Heading "What the claimed A100 fleet is, in PFLOPS, memory and power (assumptions on the output)"
$a100Fleet = [pscustomobject]@{ Model = $fleet.Unit; Count = $count } | Measure-GpuFleet -Pue 1.2 -Utilization 0.8 -PricePerKwh 0.08 -WarningAction SilentlyContinue
'{0:N0} GPUs as {1}: {2:N0} PFLOPS dense BF16, {3:N0} PFLOPS FP64, {4:N0} TB of HBM.' -f `
    $a100Fleet.Gpus, ($a100Fleet.ByModel.Model -join ', '), $a100Fleet.Bf16Pflops, $a100Fleet.Fp64Pflops, $a100Fleet.MemoryTB | Out-Host
'{0:N0} MW of GPU TDP, {1:N0} MW at the facility (PUE {2}); at {3:P0} utilization {4:N0} GWh a year, {5:N0} million {6} at {7} {6}/kWh (GPUs only, not hosts or network).' -f `
    $a100Fleet.ItPowerMW, $a100Fleet.FacilityPowerMW, $a100Fleet.Pue, $a100Fleet.Utilization, $a100Fleet.AnnualEnergyGWh, ($a100Fleet.AnnualEnergyCost / 1e6), $a100Fleet.Currency, $a100Fleet.PricePerKwh | Out-Host

# --- Market: money in perspective, against the embedded IMF WEO (the edition is on every answer) ---
function Get-Ordinal([int] $n) {
    $suffix = if ($n % 100 -in 11..13) { 'th' } else { switch ($n % 10) { 1 { 'st' } 2 { 'nd' } 3 { 'rd' } default { 'th' } } }
    "$n$suffix"
}
function Format-Usd([double] $usd) {
    if ($usd -ge 1e12) { '${0:N2} trillion' -f ($usd / 1e12) } else { '${0:N1} billion' -f ($usd / 1e9) }
}

foreach ($claim in $claims | Where-Object Kind -EQ 'MarketSize') {
    $amount = if ($claim.ValueHigh) { "$(Format-Usd ([double]::Parse($claim.Value, $inv)))-$(Format-Usd ([double]::Parse($claim.ValueHigh, $inv)))" } else { Format-Usd ([double]::Parse($claim.Value, $inv)) }
    Write-Heading "Claim: '$($claim.Subject)' of $amount in $($claim.Year)$(if ($claim.Qualifier) { " ($($claim.Qualifier))" }) ($($claim.Attribution))"
    # The claim row binds by property name: Value, ValueHigh, Year and Subject (the label).
    $results = $claim | Compare-MarketToGdp -Nearest 4
    foreach ($r in $results) {
        $bound = if ($r.Bound -eq 'Point') { '' } else { "$($r.Bound) end: " }
        $between = if ($r.Above -and $r.Below) { "between $($r.Above) and $($r.Below)" } elseif ($r.Below) { "above $($r.Below)" } else { "below $($r.Above)" }
        '{0}{1} would rank {2} of {3} economies in {4}, {5}, {6:P2} of world GDP ({7} figures, edition {8}).' -f `
            $bound, (Format-Usd $r.AmountUsd), (Get-Ordinal $r.Rank), $r.EconomiesRanked, $r.Year, $between, $r.ShareOfWorld, $r.Status.ToString().ToLowerInvariant(), $r.Edition | Out-Host
    }
    if ($claim.CompareWith) {
        Write-Host "  Compared with the economies the claim names ($($results[0].Edition)):"
        Get-CountryGdp -Country ($claim.CompareWith -split ';') -Year $claim.Year -Edition $results[0].Edition |
            Format-Table Rank, Iso3, Country, @{ n = 'GDP (US$ bn)'; e = { ($_.GdpUsd / 1e9).ToString('N1') }; a = 'Right' },
                @{ n = 'Claim / GDP'; e = { ([double]::Parse($claim.Value, $inv) / $_.GdpUsd).ToString('P0') }; a = 'Right' }, Status -AutoSize | Out-Host
    }
}
Write-Host 'GDP: International Monetary Fund, World Economic Outlook Database, October 2025 (c) IMF; see NOTICE.' -ForegroundColor DarkGray

# --- Compute and cost in perspective: the claimed fleet among Epoch AI's known clusters and all AI compute shipped ---
$atDate = [datetime]::new([int]$total.Year, 12, 31)
Write-Heading "Claim: $($claimedTotal.ToString('N0', $inv)) H100 equivalents at the end of $($total.Year), among the world's known AI clusters"
$seed = Compare-FleetToCluster -Equivalents $claimedTotal -Date $atDate -Label $total.Subject
$largest = ($seed.LargestTiedWith | ForEach-Object { "$($_.Name) ($($_.Owner))" }) -join ', '
'Rank {0} of {1} clusters operational on {2:yyyy-MM-dd}: {3:N1} times the largest, {4:N0} H100e ({5}).' -f `
    $seed.Rank, $seed.ClustersRanked, $seed.Date, $seed.RatioToLargest, $seed.Largest.H100e, $largest | Out-Host
'A fleet spread over many sites is not one cluster: the rank says the claim is larger than any single known cluster, not that it is one.' | Out-Host
$share = $seed.ShareOfShipped
'{0:P1} of the {1:N1} million H100e shipped by {2:yyyy-MM-dd} ({3:P1} to {4:P1} over Epoch''s 5th-95th percentiles of {5:N1}-{6:N1} million), by {7}.' -f `
    $share.Median, ($share.ShippedH100eMedian / 1e6), $seed.Date, $share.Low, $share.High, ($share.ShippedH100eP5 / 1e6), ($share.ShippedH100eP95 / 1e6),
    (($share.Vendors | ForEach-Object { '{0} (from {1:yyyy-MM})' -f $_.Vendor, $_.From }) -join ', ') | Out-Host
$a100Only = [pscustomobject]@{ Model = $fleet.Unit; Count = $count } | Compare-FleetToCluster -Date $atDate -Label "$($count.ToString('N0', $inv)) $($fleet.Unit)" -WarningAction SilentlyContinue
'The {0:N0} {1}s alone are {2:N0} H100e under Epoch8Bit: rank {3}, {4:N2} times the largest cluster, {5:P1} of the compute shipped.' -f `
    $count, $fleet.Unit, $a100Only.Equivalents, $a100Only.Rank, $a100Only.RatioToLargest, $a100Only.ShareOfShipped.Median | Out-Host
$seed, $a100Only | Format-Table | Out-String -Width 120 | Out-Host

Write-Heading "What the claimed A100 fleet would cost to buy or rent (list prices, GPUs only, every price dated)"
$cost = [pscustomobject]@{ Model = $fleet.Unit; Count = $count } | Measure-GpuFleet -Years 5 -Pue 1.2 -Utilization 0.8 -PricePerKwh 0.08 -WarningAction SilentlyContinue
$buy = $cost.ByModel[0].PurchasePrice
$rent = $cost.ByModel[0].RentPrice
'Buy: {0:N1} billion {1} at {2:N0} per {3} ({4}, {5}).' -f ($cost.PurchaseCost / 1e9), $cost.PriceCurrency, $buy.Price, $cost.ByModel[0].Model, $buy.AsOf, ($buy.Source -split ' \| ')[0] | Out-Host
'Rent on demand for a year: {0:N1} billion {1} at {2:N3} per GPU-hour ({3} {4} {5}, {6}).' -f ($cost.AnnualRentCost / 1e9), $cost.PriceCurrency, $rent.PricePerGpuHour, $rent.Provider, $rent.Region, $rent.InstanceType, $rent.AsOf | Out-Host
'Own: {0:N2} billion {1} a year (purchase over {2} years plus {3:N0} million of energy).' -f ($cost.AnnualOwnershipCost / 1e9), $cost.PriceCurrency, $cost.Years, ($cost.AnnualEnergyCost / 1e6) | Out-Host
Write-Host ($seed.Sources -join "`n") -ForegroundColor DarkGray

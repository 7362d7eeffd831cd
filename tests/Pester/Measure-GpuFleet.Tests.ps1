BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
}

Describe 'Measure-GpuFleet' {
    It 'declares its output type' {
        (Get-Command Measure-GpuFleet).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Reporting.FleetSummary')
    }

    It 'totals 350,000 A100s with every assumption on the output' {
        $s = [pscustomobject]@{ Model = 'A100-SXM4-80GB'; Count = 350000 } | Measure-GpuFleet -Pue 1.25 -Utilization 0.5 -PricePerKwh 0.07 -Currency EUR
        $s.Gpus | Should -Be 350000
        [math]::Round($s.Equivalents) | Should -Be ([math]::Round(350000 * 312 / 989.4))
        $s.Bf16Pflops | Should -Be (350000 * 312 / 1000)
        $s.Fp8Pflops | Should -Be 0
        $s.MemoryTB | Should -Be 28000
        $s.ItPowerMW | Should -Be 140
        $s.FacilityPowerMW | Should -Be 175
        [math]::Round($s.AnnualEnergyGWh, 6) | Should -Be ([math]::Round(175 * 0.5 * 8760 / 1000, 6))
        [math]::Round($s.AnnualEnergyCost) | Should -Be ([math]::Round(175 * 0.5 * 8760 * 1000 * 0.07))
        $s.Pue | Should -Be 1.25
        $s.Utilization | Should -Be 0.5
        $s.PricePerKwh | Should -Be 0.07
        $s.Currency | Should -Be 'EUR'
        $s.Notes -join ' ' | Should -Match 'no FP8'
    }

    It 'gives the same numbers in bulk, from Import-Csv rows and from inventory items' {
        $path = Join-Path $samples 'fleet.csv'
        $bulk = Measure-GpuFleet -Path $path -Metric Epoch8Bit
        $rows = Import-Csv $path | Measure-GpuFleet -Metric Epoch8Bit
        $items = Import-GpuInventory $path | Measure-GpuFleet -Metric Epoch8Bit
        foreach ($s in $rows, $items) {
            $s.Gpus | Should -Be $bulk.Gpus
            $s.Models | Should -Be 5
            [math]::Round($s.Equivalents, 9) | Should -Be ([math]::Round($bulk.Equivalents, 9))
            [math]::Round($s.ItPowerMW, 9) | Should -Be ([math]::Round($bulk.ItPowerMW, 9))
        }
        $bulk.Gpus | Should -Be 48
    }

    It 'agrees with Get-GpuEquivalent' {
        $path = Join-Path $samples 'cloud-instances.csv'
        $fleet = Measure-GpuFleet -Path $path
        $eq = Get-GpuEquivalent -Path $path -WarningAction SilentlyContinue
        [math]::Round($fleet.Equivalents, 6) | Should -Be ([math]::Round(($eq | Measure-Object Equivalents -Sum).Sum, 6))
        ($fleet.ByModel | Where-Object Model -EQ 'A100-SXM4-40GB').Gpus | Should -Be 32
    }

    It 'reads files from Get-ChildItem and non-CSV formats in -Path mode' {
        $s = Get-ChildItem (Join-Path $samples 'nvidia-smi-q-x-v1[12]*.xml') | Measure-GpuFleet
        $s.Gpus | Should -Be 4
        (Measure-GpuFleet -Path (Join-Path $samples 'sinfo-nodes.txt')).Gpus | Should -Be 160
    }

    Context 'validation and bad input' {
        It 'rejects -Pue below 1, -Utilization above 1 and a negative -PricePerKwh' {
            { 'A100' | Measure-GpuFleet -Pue 0.9 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CapacityTools.PowerShell.MeasureGpuFleetCommand'
            { 'A100' | Measure-GpuFleet -Utilization 1.5 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CapacityTools.PowerShell.MeasureGpuFleetCommand'
            { 'A100' | Measure-GpuFleet -PricePerKwh -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CapacityTools.PowerShell.MeasureGpuFleetCommand'
        }
        It 'counts the good rows of a bad file and reports each bad one' {
            $s = Measure-GpuFleet -Path (Join-Path $samples 'fleet-bad.csv') -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $s.Gpus | Should -Be 12
            $s.Skipped | Should -Be 7
            $errs.Count | Should -Be 7
            $errs[0].FullyQualifiedErrorId | Should -Be 'MissingGpuModel,CapacityTools.PowerShell.MeasureGpuFleetCommand'
            $errs[0].Exception.Message | Should -Match 'fleet-bad\.csv:3'
        }
        It 'rejects bad counts from pipeline rows' {
            $rows = @([pscustomobject]@{ Gpu = 'H100'; Qty = '2.5' }, [pscustomobject]@{ Gpu = 'H100'; Qty = '4' })
            $s = $rows | Measure-GpuFleet -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $s.Gpus | Should -Be 4
            $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidGpuCount,CapacityTools.PowerShell.MeasureGpuFleetCommand'
        }
        It 'counts items without a model as skipped, with one warning' {
            $items = Import-GpuInventory (Join-Path $samples 'sinfo-n-G.txt') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $s = $items | Measure-GpuFleet -WarningVariable warns -WarningAction SilentlyContinue -ErrorVariable errs
            $errs.Count | Should -Be 0
            $s.Skipped | Should -Be 1
            $warns -join ' ' | Should -Match '1 inventory item'
        }
    }
}

Describe 'Measure-GpuFleet costs to buy, rent and own' {
    BeforeAll {
        $claims = Import-Csv "$PSScriptRoot/../../seeds/claims.csv"
        $fleet = [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 1024 }, [pscustomobject]@{ Model = 'L4'; Count = 64 }
    }
    It 'adds purchase prices (GPUs only), a year of on-demand rent and the ownership per year' {
        $s = $fleet | Measure-GpuFleet -Years 4 -PricePerKwh 0.08 -WarningAction SilentlyContinue
        # H100 SXM: the median of Epoch's three 2025-03-03 prices (28,750, 31,250, 46,875).
        $s.PurchaseCost | Should -Be (1024 * 31250)
        $s.PurchasePricedGpus | Should -Be 1024
        ($s.Notes -join ' ') | Should -Match 'L4 has no purchase price: its 64 GPU\(s\) add nothing to PurchaseCost'
        $h100 = $s.ByModel | Where-Object Model -EQ 'H100-SXM5-80GB'
        $h100.PurchasePrice.AsOf | Should -Be '2025-03-03'
        $h100.PurchasePrice.Source | Should -Match 'Epoch AI'
        $h100.RentPrice.PricePerGpuHour | Should -Be 6.88
        $h100.RentPrice.Provider | Should -Be 'AWS'
        $l4 = $s.ByModel | Where-Object Model -EQ 'L4'
        [math]::Round($s.AnnualRentCost, 3) | Should -Be ([math]::Round((1024 * 6.88 + 64 * $l4.RentPrice.PricePerGpuHour) * 8760, 3))
        $s.RentPricedGpus | Should -Be 1088
        $s.AnnualOwnershipCost | Should -Be ($s.PurchaseCost / 4 + $s.AnnualEnergyCost)
        $s.Years | Should -Be 4
        $s.RentProvider | Should -Be 'AWS, Azure, GCP (lowest)'
        $s.PriceCurrency | Should -Be 'USD'
    }
    It 'rents at the provider and region given' {
        $s = [pscustomobject]@{ Model = 'H100'; Count = 512 } | Measure-GpuFleet -RentProvider Azure -RentRegion eastus -WarningAction SilentlyContinue
        $s.AnnualRentCost | Should -Be (512 * 98.32 / 8 * 8760)
        $s.RentRegion | Should -Be 'eastus'
        $none = [pscustomobject]@{ Model = 'H100'; Count = 512 } | Measure-GpuFleet -RentProvider GCP -WarningAction SilentlyContinue
        $none.AnnualRentCost | Should -BeNullOrEmpty
        ($none.Notes -join ' ') | Should -Match 'H100-SXM5-80GB has no on-demand price at GCP'
    }
    It 'prices the seed claim: 350,000 A100s' {
        $a100 = $claims | Where-Object Id -EQ 'meta-a100-count'
        $s = [pscustomobject]@{ Model = $a100.Unit; Count = [double]$a100.Value } | Measure-GpuFleet -WarningAction SilentlyContinue
        $s.ByModel[0].Model | Should -Be 'A100-SXM4-80GB'
        $s.PurchaseCost | Should -Be (350000 * $s.ByModel[0].PurchasePrice.Price)
        $s.ByModel[0].PurchasePrice.AsOf | Should -Be '2025-03-04'
        $s.AnnualRentCost | Should -BeGreaterThan 0
    }
    It 'rejects -Years 0' {
        { 'A100' | Measure-GpuFleet -Years 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CapacityTools.PowerShell.MeasureGpuFleetCommand'
    }
    It 'has a cost view that fits 120 columns' {
        $text = $fleet | Measure-GpuFleet -WarningAction SilentlyContinue | Format-Table -View FleetCost | Out-String -Width 120
        $text | Should -Match '32,000,000 USD'
        foreach ($line in $text -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
    }

    It 'shows power, energy and cost by default even at 80 columns' {
        $text = [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 1024 } | Measure-GpuFleet | Out-String -Width 80
        $text | Should -Match 'Power \(MW\)\s+: 0\.72 IT'
        $text | Should -Match 'Energy per year\s+: '
        $text | Should -Match 'Purchase\s+: '
        ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'reads a GPU-named count of an instance type as GPUs, an item-named one as instances' {
        ([pscustomobject]@{ InstanceType = 'p4d.24xlarge'; Gpus = 8 } | Measure-GpuFleet).Gpus | Should -Be 8
        ([pscustomobject]@{ InstanceType = 'p4d.24xlarge'; Count = 8 } | Measure-GpuFleet).Gpus | Should -Be 64
        ([pscustomobject]@{ Model = 'p4d.24xlarge'; GpuCount = 12 } | Get-GpuEquivalent -WarningVariable w -WarningAction SilentlyContinue).Count | Should -Be 12
        $w | Should -Match 'not a whole number of instances'
    }
}

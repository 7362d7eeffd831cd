BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
}

Describe 'Measure-GpuFleet' {
    It 'declares its output type' {
        (Get-Command Measure-GpuFleet).OutputType.Type | Should -Contain ([CapacityTools.Core.Reporting.FleetSummary])
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

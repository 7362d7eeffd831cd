BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Get-GpuEquivalent' {
    Context 'parameters' {
        BeforeAll { $cmd = Get-Command Get-GpuEquivalent }
        It 'binds <Name> by property name with its aliases' -ForEach @(
            @{ Name = 'Model'; Aliases = @('Name', 'Gpu', 'Product') }
            @{ Name = 'Count'; Aliases = @('Quantity', 'Qty', 'Gpus') }
        ) {
            $p = $cmd.Parameters[$Name]
            $p.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
            foreach ($a in $Aliases) { $p.Aliases | Should -Contain $a }
        }
        It 'defaults to the H100 SXM5 reference and the Bf16 metric' {
            $r = Get-GpuEquivalent -Model H100-SXM5-80GB -Count 2
            $r.Reference | Should -Be 'H100-SXM5-80GB'
            $r.Metric | Should -Be 'Bf16'
            $r.Equivalents | Should -Be 2
        }
        It 'declares its output type' {
            $cmd.OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Gpu.GpuEquivalent')
        }
    }

    Context 'the seed claim' {
        It 'gives about 110,400 H100 equivalents for 350,000 A100s by dense BF16' {
            $r = Get-GpuEquivalent -Model A100 -Count 350000 -WarningAction SilentlyContinue
            $r.Model | Should -Be 'A100-SXM4-80GB'
            $r.PerUnit | Should -BeGreaterThan 0.3153
            $r.PerUnit | Should -BeLessThan 0.3154
            [math]::Round($r.Equivalents / 100) * 100 | Should -Be 110400
        }
        It 'gives the same under Epoch8Bit (624 / 1978.9 TOPS)' {
            $r = Get-GpuEquivalent -Model A100 -Count 350000 -Metric Epoch8Bit -WarningAction SilentlyContinue
            $r.ModelValue | Should -Be 624
            $r.ReferenceValue | Should -Be 1978.9
            [math]::Round($r.Equivalents / 100) * 100 | Should -Be 110400
        }
    }

    Context 'pipeline input' {
        It 'binds Import-Csv rows and writes one row per distinct model' {
            $csv = Join-Path $TestDrive 'fleet.csv'
            @'
Gpu,Qty,Host
NVIDIA A100-SXM4-80GB,8,node1
NVIDIA A100-SXM4-80GB,8,node2
NVIDIA H100 80GB HBM3,4,node3
'@ | Set-Content $csv
            $r = Import-Csv $csv | Get-GpuEquivalent
            $r.Count | Should -Be 2
            ($r | Where-Object Model -EQ 'A100-SXM4-80GB').Count | Should -Be 16
            ($r | Where-Object Model -EQ 'H100-SXM5-80GB').Equivalents | Should -Be 4
            [math]::Round(($r | Measure-Object Equivalents -Sum).Sum, 3) | Should -Be ([math]::Round(16 * 312 / 989.4 + 4, 3))
        }
        It 'states the FP16 fallback for a chip without BF16' {
            $r = Get-GpuEquivalent -Model 'Tesla V100-SXM2-32GB' -Count 10
            $r.Basis | Should -Match 'FP16'
            $r.Note | Should -Match 'no BF16'
            $r.PerUnit | Should -Be (125 / 989.4)
        }
    }

    Context 'errors' {
        It 'writes UnknownGpuModel with the input as target and suggestions, and still outputs the good rows' {
            $rows = @(
                [pscustomobject]@{ Model = 'A100-SXM4-40GB'; Count = 2 }
                [pscustomobject]@{ Model = 'H100-SXM9'; Count = 3 }
                [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 1 }
            )
            $r = $rows | Get-GpuEquivalent -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.Model | Should -Be @('A100-SXM4-40GB', 'H100-SXM5-80GB')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownGpuModel,CapacityTools.PowerShell.GetGpuEquivalentCommand'
            $errs[0].TargetObject | Should -Be 'H100-SXM9'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].Exception.Message | Should -Match 'Did you mean'
        }
        It 'writes MetricNotAvailable for a model without the metric' {
            $r = Get-GpuEquivalent -Model A100-SXM4-80GB -Count 4 -Metric Fp8 -ErrorVariable errs -ErrorAction SilentlyContinue
            $r | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -Be 'MetricNotAvailable,CapacityTools.PowerShell.GetGpuEquivalentCommand'
        }
        It 'rejects a count that is not above zero' {
            $null = Get-GpuEquivalent -Model A100 -Count -5 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidGpuCount,*'
        }
        It 'stops on the first error with -ErrorAction Stop' {
            { 'Nonexistent GPU 9000' | ForEach-Object { Get-GpuEquivalent -Model $_ -Count 1 -ErrorAction Stop } } |
                Should -Throw -ErrorId 'UnknownGpuModel,CapacityTools.PowerShell.GetGpuEquivalentCommand'
        }
        It 'is terminating for an unknown reference' {
            { Get-GpuEquivalent -Model A100 -Reference 'Z9000' -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'UnknownGpuModel,*'
        }
        It 'warns that a family default varies under Memory' {
            $null = Get-GpuEquivalent -Model A100 -Count 10 -Metric Memory -WarningVariable warns -WarningAction SilentlyContinue
            $warns.Count | Should -Be 1
            $warns[0] | Should -Match 'A100-SXM4-40GB'
        }
    }

    Context 'other metrics and references' {
        It 'compares memory against an A100 reference' {
            $r = Get-GpuEquivalent -Model MI300X -Count 64 -Metric Memory -Reference A100-SXM4-80GB
            $r.PerUnit | Should -Be 2.4
            $r.Equivalents | Should -Be 153.6
        }
    }

    Context 'bulk mode' {
        BeforeAll { $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory' }
        It 'gives the same rows as Import-Csv piped in' {
            $path = Join-Path $samples 'fleet.csv'
            $bulk = Get-GpuEquivalent -Path $path -Metric Epoch8Bit
            $piped = Import-Csv $path | Get-GpuEquivalent -Metric Epoch8Bit
            $bulk.Model | Should -Be $piped.Model
            $bulk.Count | Should -Be $piped.Count
            ($bulk | ForEach-Object { [math]::Round($_.Equivalents, 9) }) | Should -Be ($piped | ForEach-Object { [math]::Round($_.Equivalents, 9) })
        }
        It 'reports bad rows with their line and still counts the good ones' {
            $r = Get-GpuEquivalent -LiteralPath (Join-Path $samples 'fleet-bad.csv') -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
            ($r | Measure-Object Count -Sum).Sum | Should -Be 12
            $errs.Count | Should -Be 7
            ($errs | Where-Object { $_.FullyQualifiedErrorId -like 'InvalidGpuCount,*' }).Count | Should -Be 4
            $errs[-1].Exception.Message | Should -Match 'fleet-bad\.csv:10'
            $warns[-1] | Should -Match '7 of 10'
        }
        It 'reads every kind of name a fleet sheet holds (parts, PCI ids, lspci, systems, vGPU, gres.conf, Epoch) by file and by pipeline' {
            $path = Join-Path $samples 'fleet-names.csv'
            $expected = @{ 'V100-SXM2-16GB' = 8; 'H100-PCIE-80GB' = 2; 'A10G' = 4; 'GB200' = 72; 'H100-SXM5-80GB' = 24
                'A100-SXM4-40GB' = 1; 'A100-SXM4-80GB' = 4; 'TPU-V7' = 16; 'RTX-6000-ADA' = 1 }
            $byFile = @(Get-GpuEquivalent -Path $path -ErrorVariable fileErrs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $byPipe = @(Import-Csv $path | Get-GpuEquivalent -ErrorVariable pipeErrs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            foreach ($rows in @{ Rows = $byFile }, @{ Rows = $byPipe }) {
                $rows.Rows.Count | Should -Be $expected.Count
                foreach ($row in $rows.Rows) { $row.Count | Should -Be $expected[$row.Model] -Because $row.Model }
            }
            foreach ($errs in $fileErrs, $pipeErrs) {
                $errs.Count | Should -Be 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel,*'
                $errs[0].Exception.Message | Should -Match 'H20'
            }
        }
        It 'expands instance types and honours -ModelColumn' {
            $r = Get-GpuEquivalent -Path (Join-Path $samples 'fleet-custom-columns.csv') -ModelColumn card -CountColumn n
            ($r | Where-Object Model -EQ 'B200').Count | Should -Be 8
            $i = Get-GpuEquivalent -Path (Join-Path $samples 'cloud-instances.csv')
            ($i | Where-Object Model -EQ 'H100-SXM5-80GB').Count | Should -Be 56
        }
    }
}

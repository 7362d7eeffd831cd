BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
}

Describe 'Instance types, node types and units from every provider' {
    It 'counts a cloud sheet of 2026 instance types from many providers, with its one unknown row as an error' {
        $path = Join-Path $samples 'cloud-instances-2026.csv'
        $items = Import-GpuInventory -LiteralPath $path -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $byModel = @{}
        $items | Where-Object Model | ForEach-Object { $byModel[$_.Model] += $_.Count }
        $byModel['RTX-PRO-6000-SERVER'] | Should -Be (2 * 8 + 8)
        $byModel['B300'] | Should -Be 8
        $byModel['INFERENTIA'] | Should -Be 16
        $byModel['GB300'] | Should -Be (18 * 4)
        # DigitalOcean does not say which H100: the family's representative (SXM5), plus Crusoe's SXM and RunPod's A100.
        $byModel['H100-SXM5-80GB'] | Should -Be (3 * 8 + 4 * 8)
        $byModel['A100-SXM4-80GB'] | Should -Be (8 + 4 * 0.5)
        $byModel['H200-SXM-141GB'] | Should -Be 16
        # A Frontier node is 4 MI250X modules (Slurm there lists 8 GCDs).
        $byModel['MI250X'] | Should -Be 40
        # t4g.large is a Graviton CPU instance: an error with its line, never a GPU.
        $errs | Where-Object { $_.FullyQualifiedErrorId -like 'UnknownGpuModel*' -and "$_" -match 't4g\.large' } | Should -Not -BeNullOrEmpty
        $byModel.ContainsKey('T4G') | Should -BeFalse
        ($items | Where-Object RawName -eq 'gpu-h100x8-640gb').Note | Should -Match 'variant not stated by the provider'
    }

    It 'gives the same totals through Measure-GpuFleet -Path as through the pipeline' {
        $path = Join-Path $samples 'cloud-instances-2026.csv'
        $piped = Import-GpuInventory -LiteralPath $path -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Measure-GpuFleet -WarningAction SilentlyContinue
        $bulk = Measure-GpuFleet -Path $path -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $bulk.Gpus | Should -Be $piped.Gpus
        [math]::Round($bulk.Equivalents, 6) | Should -Be ([math]::Round($piped.Equivalents, 6))
    }

    It 'warns that a provider type of unstated variant stands for its family' {
        $null = Get-GpuEquivalent -Model 'gpu-h100x8-640gb' -Count 1 -WarningVariable w -WarningAction SilentlyContinue
        ($w -join ' ') | Should -Match 'H100'
    }

    It 'counts MIG slices that name their GPU once per GPU, on both routes' {
        $path = Join-Path $samples 'mig-slices-by-gpu.csv'
        $items = Import-GpuInventory -LiteralPath $path
        ($items | Measure-Object Count -Sum).Sum | Should -Be 4.5
        ($items | Measure-Object MigSlices -Sum).Sum | Should -Be 9
        (Measure-GpuFleet -Path $path).Gpus | Should -Be 4.5
        (Import-GpuInventory -LiteralPath $path -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join ' ' |
            Should -Match "the GPU a MIG slice is on from 'GpuUuid'"
    }

    It 'resolves the new catalog rows by nvidia-smi name, PCI id and family' {
        (Resolve-GpuModel 'NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition').Id | Should -Be 'RTX-PRO-6000-MAXQ'
        (Resolve-GpuModel '10de:2bb5').Id | Should -Be 'RTX-PRO-6000-SERVER'
        $family = Resolve-GpuModel 'RTX PRO 6000' -WarningAction SilentlyContinue
        $family.MatchKind | Should -Be 'FamilyDefault'
        $family.Note | Should -Match 'Workstation'
        (Resolve-GpuModel 'B300 288GB').Id | Should -Be 'B300'
    }

    It 'says what the watts cover, and notes estimated and missing power in fleet totals' {
        (Get-GpuSpec -Name TPU-V5P).TdpBasis | Should -Match 'Epoch AI estimate'
        (Get-GpuSpec -Name GH200-96GB).TdpBasis | Should -Match 'Grace'
        $fleet = 'v5p-8', 'trn1.32xlarge' | Measure-GpuFleet -WarningAction SilentlyContinue
        $fleet.ItPowerMW | Should -Be (4 * 540 / 1e6)
        ($fleet.Notes -join "`n") | Should -Match "TPU-V5P's power is 540 W"
        ($fleet.Notes -join "`n") | Should -Match 'TRAINIUM has no TDP'
    }

    It 'counts TPU FP8 at Google''s figure and Epoch8Bit at the higher 8-bit figure' {
        (Get-GpuSpec -Name TPU-V5P).Fp8Tflops | Should -Be 459
        $e = Get-GpuEquivalent -Model TPU-V5P -Count 1 -Metric Epoch8Bit
        [math]::Round($e.PerUnit, 3) | Should -Be 0.464
        [math]::Round((Get-GpuEquivalent -Model RTX-4090 -Count 1 -Metric Epoch8Bit).PerUnit, 3) | Should -Be 0.334
    }
}

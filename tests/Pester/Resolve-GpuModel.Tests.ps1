BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Resolve-GpuModel' {
    It 'resolves <Raw> to <Id> (<Kind>)' -ForEach @(
        @{ Raw = 'NVIDIA A100-SXM4-80GB'; Id = 'A100-SXM4-80GB'; Kind = 'Alias'; Per = 1; Fraction = 1 }
        @{ Raw = 'NVIDIA H100 80GB HBM3'; Id = 'H100-SXM5-80GB'; Kind = 'Alias'; Per = 1; Fraction = 1 }
        @{ Raw = 'h100-sxm5-80gb'; Id = 'H100-SXM5-80GB'; Kind = 'Exact'; Per = 1; Fraction = 1 }
        @{ Raw = 'A100'; Id = 'A100-SXM4-80GB'; Kind = 'FamilyDefault'; Per = 1; Fraction = 1 }
        @{ Raw = 'gpu:h100:8(S:0-1)'; Id = 'H100-SXM5-80GB'; Kind = 'FamilyDefault'; Per = 8; Fraction = 1 }
        @{ Raw = 'p4d.24xlarge'; Id = 'A100-SXM4-40GB'; Kind = 'InstanceType'; Per = 8; Fraction = 1 }
        @{ Raw = 'NVIDIA-A100-SXM4-80GB-MIG-1g.10gb'; Id = 'A100-SXM4-80GB'; Kind = 'MigSlice'; Per = 1; Fraction = (1 / 7) }
        @{ Raw = 'NVIDIA Tesla V100 SXM2 16 GB'; Id = 'V100-SXM2-16GB'; Kind = 'Parts'; Per = 1; Fraction = 1 }
        @{ Raw = '8x H100 SXM5 80GB'; Id = 'H100-SXM5-80GB'; Kind = 'Exact'; Per = 8; Fraction = 1 }
        @{ Raw = 'Device Id: 0x233110DE'; Id = 'H100-PCIE-80GB'; Kind = 'PciId'; Per = 1; Fraction = 1 }
        @{ Raw = 'NVIDIA Corporation GA102GL [A10G] (rev a1)'; Id = 'A10G'; Kind = 'Exact'; Per = 1; Fraction = 1 }
        @{ Raw = 'A100 40GB'; Id = 'A100-SXM4-40GB'; Kind = 'FamilyDefault'; Per = 1; Fraction = 1 }
    ) {
        $r = Resolve-GpuModel -Name $Raw
        $r.Id | Should -Be $Id
        $r.MatchKind | Should -Be $Kind
        $r.GpusPerUnit | Should -Be $Per
        $r.Fraction | Should -Be $Fraction
    }
    It 'takes names from the pipeline' {
        ('T4', 'MI300X' | Resolve-GpuModel).Id | Should -Be @('T4', 'MI300X')
    }
    It 'refuses to guess the model of an untyped gres' {
        $null = Resolve-GpuModel 'gpu:8' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'GresTypeMissing,CapacityTools.PowerShell.ResolveGpuModelCommand'
        $errs[0].Exception.Message | Should -Match 'names no GPU type'
    }
    It 'shows the parts it read and names the variants a name fits' {
        $r = Resolve-GpuModel 'NVIDIA Tesla V100 SXM2 16 GB'
        $r.Parts | Should -Be 'model=v100 form=sxm2 memory=16GB ignored=nvidia,tesla'
        (Resolve-GpuModel 'A100 40GB').Note | Should -Match 'A100-SXM4-40GB, A100-PCIE-40GB'
        (Resolve-GpuModel 'A100 40GB' | Out-String -Width 250) | Should -Match 'model=a100 memory=40GB'
    }
    It 'refuses near misses: <Raw>' -ForEach @(
        @{ Raw = 'NVIDIA GeForce RTX 3080 12GB' }, @{ Raw = 'A100 96GB' }, @{ Raw = 'NVIDIA L2 PCle' }, @{ Raw = '0x2337' }
    ) {
        $null = Resolve-GpuModel $Raw -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownGpuModel,CapacityTools.PowerShell.ResolveGpuModelCommand'
    }
    It 'tells an RTX 6000 (Quadro, Turing) from an RTX 6000 Ada' {
        (Resolve-GpuModel 'RTX 6000').Id | Should -Be 'QUADRO-RTX-6000'
        (Resolve-GpuModel 'NVIDIA RTX 6000 Ada Generation').Id | Should -Be 'RTX-6000-ADA'
        (Resolve-GpuModel 'gpu:2080ti:4').GpusPerUnit | Should -Be 4
    }
    It 'names the PCI device whose chip the catalog lacks' {
        $null = Resolve-GpuModel '10de:2337' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -Match "10de:2337 'GH100 \[H100 SXM5 64GB\]'"
    }
    It 'suggests close names for an unknown one' {
        $null = Resolve-GpuModel 'H100 SXM6' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel,*'
        $errs[0].Exception.Problem.Suggestions.Count | Should -BeGreaterThan 0
        $errs[0].Exception.Problem.Suggestions.Count | Should -BeLessOrEqual 3
    }
}

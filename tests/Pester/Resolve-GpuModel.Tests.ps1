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
    It 'suggests close names for an unknown one' {
        $null = Resolve-GpuModel 'H100 SXM6' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel,*'
        $errs[0].Exception.Problem.Suggestions.Count | Should -BeGreaterThan 0
        $errs[0].Exception.Problem.Suggestions.Count | Should -BeLessOrEqual 3
    }
}

BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Get-GpuSpec' {
    It 'lists the whole catalog with a source on every entry' {
        $all = Get-GpuSpec
        $all.Count | Should -BeGreaterThan 10
        $all | Where-Object { -not $_.Source } | Should -BeNullOrEmpty
        ($all.Id | Sort-Object -Unique).Count | Should -Be $all.Count
    }
    It 'resolves the name nvidia-smi prints' {
        $s = Get-GpuSpec -Name 'NVIDIA A100-SXM4-80GB'
        $s.Id | Should -Be 'A100-SXM4-80GB'
        $s.Bf16Tflops | Should -Be 312
        $s.MemoryGB | Should -Be 80
    }
    It 'matches wildcards on ids' {
        $h = Get-GpuSpec -Name 'H100*'
        $h.Id | Should -Contain 'H100-SXM5-80GB'
        $h.Id | Should -Contain 'H100-PCIE-80GB'
        $h | ForEach-Object { $_.Id | Should -BeLike 'H100*' }
    }
    It 'filters by vendor' {
        $amd = Get-GpuSpec -Vendor AMD
        $amd.Id | Should -Contain 'MI300X'
        $amd.Vendor | Sort-Object -Unique | Should -Be 'AMD'
    }
    It 'takes names from the pipeline by property name' {
        ([pscustomobject]@{ Model = 'H100-SXM5-80GB' } | Get-GpuSpec).Fp8Tflops | Should -Be 1978.9
    }
    It 'writes a non-terminating UnknownGpuModel error and goes on' {
        $r = Get-GpuSpec -Name 'Z9000', 'T4' -ErrorVariable errs -ErrorAction SilentlyContinue
        $r.Id | Should -Be 'T4'
        $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownGpuModel,CapacityTools.PowerShell.GetGpuSpecCommand'
        $errs[0].TargetObject | Should -Be 'Z9000'
    }

    It 'shows FP16 where a chip has no BF16, with units in the headers' {
        $text = Get-GpuSpec -Name V100-SXM2-32GB | Out-String -Width 120
        $text | Should -Match '16-bit TF'
        $text | Should -Match '\d+\.\d FP16'
    }
}

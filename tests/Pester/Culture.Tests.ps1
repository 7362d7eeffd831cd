BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

# Data is parsed and matched with the invariant culture; the current culture is for display only.
Describe 'Under the <Culture> culture' -ForEach @(
    @{ Culture = 'de-DE' }
    @{ Culture = 'tr-TR' }
    @{ Culture = 'fr-FR' }
) {
    BeforeAll {
        $csv = Join-Path $TestDrive 'fleet.csv'
        "model,count`nnvidia a100-sxm4-80gb,8`nTESLA V100-SXM2-32GB,4`n" | Set-Content $csv
        $catalog = Join-Path $TestDrive 'mine.csv'
        "Id,Model,Bf16Tflops,MemoryGB,Source`nACME-I1,idle,494.7,141.5,test`n" | Set-Content $catalog
        $script = @"
[cultureinfo]::CurrentCulture = '$Culture'
[cultureinfo]::CurrentUICulture = '$Culture'
`$fleet = Import-Csv '$csv' | Get-GpuEquivalent
`$imported = Import-GpuCatalog -Path '$catalog'
[pscustomobject]@{
    Culture     = [cultureinfo]::CurrentCulture.Name
    Models      = @(`$fleet.Model)
    Equivalents = (`$fleet | Measure-Object Equivalents -Sum).Sum
    Resolved    = (Resolve-GpuModel 'nvidia h100 pcie').Id
    Memory      = `$imported.MemoryGB
    Bf16        = `$imported.Bf16Tflops
} | ConvertTo-Json -Compress
"@
        $result = Invoke-InChildPwsh $script
    }
    It 'runs in that culture' { $result.Culture | Should -Be $Culture }
    It 'matches names case-insensitively without the Turkish-I trap' {
        $result.Models | Should -Be @('A100-SXM4-80GB', 'V100-SXM2-32GB')
        $result.Resolved | Should -Be 'H100-PCIE-80GB'
    }
    It 'computes the same numbers' {
        [math]::Round($result.Equivalents, 6) | Should -Be ([math]::Round((8 * 312 + 4 * 125) / 989.4, 6))
    }
    It 'reads decimals in user catalogs with a dot' {
        $result.Memory | Should -Be 141.5
        $result.Bf16 | Should -Be 494.7
    }
}

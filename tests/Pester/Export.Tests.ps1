# Every output type reads well when an admin exports it: no type names in CSV cells, JSON arrays for lists.
BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Export-Csv and ConvertTo-Json of the module''s objects' {
    It 'writes readable CSV cells for <Name>' -ForEach @(
        @{ Name = 'MarketComparison'; Script = { Compare-MarketToGdp 800B -Year 2024 } }
        @{ Name = 'ClusterComparison'; Script = { Compare-FleetToCluster 600000 -Date 2024-12-31 } }
        @{ Name = 'GpuEquivalent'; Script = { Get-GpuEquivalent -Model A100-SXM4-80GB -Count 4 } }
        @{ Name = 'CountryGdp'; Script = { Get-CountryGdp -Country POL -Year 2024 } }
        @{ Name = 'GpuPrice'; Script = { Get-GpuPrice -Model H100 -Provider AWS -WarningAction SilentlyContinue | Select-Object -First 3 } }
        @{ Name = 'GpuSpec'; Script = { Get-GpuSpec -Vendor NVIDIA } }
        @{ Name = 'FleetSummary'; Script = { [pscustomobject]@{ Model = 'A100-SXM4-80GB'; Count = 8 }, [pscustomobject]@{ Model = 'L4'; Count = 2 } | Measure-GpuFleet -WarningAction SilentlyContinue } }
        @{ Name = 'GpuResolution'; Script = { 'A100', 'p4d.24xlarge' | Resolve-GpuModel -WarningAction SilentlyContinue } }
        @{ Name = 'GpuInventoryItem'; Script = { Import-GpuInventory (Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory/fleet.csv') -WarningAction SilentlyContinue -ErrorAction SilentlyContinue } }
    ) {
        $objects = @(& $Script)
        $objects.Count | Should -BeGreaterThan 0
        $csv = $objects | ConvertTo-Csv -NoTypeInformation | Out-String
        $csv | Should -Not -Match 'System\.(String|Object|Collections)|`1\[|\[\]"|z__ReadOnly'
    }

    It 'keeps lists as JSON arrays with the values in them' {
        $json = Compare-MarketToGdp 800B -Year 2024 | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $json.Nearest.Count | Should -Be 5
        $json.Nearest[0].Country | Should -Not -BeNullOrEmpty
        $json.Rank | Should -Be 22
    }
}

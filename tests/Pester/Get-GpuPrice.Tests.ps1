BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
}

Describe 'Get-GpuPrice' {
    It 'lists dated, sourced prices of every kind' {
        $all = Get-GpuPrice
        $all.Count | Should -BeGreaterThan 300
        @($all.Kind | ForEach-Object ToString | Sort-Object -Unique) | Should -Be @('OnDemand', 'Spot', 'Purchase' | Sort-Object)
        $all | Where-Object { -not $_.AsOf -or -not $_.Source } | Should -BeNullOrEmpty
        $all | Where-Object { $_.Kind -ne 'Purchase' -and ($null -eq $_.PricePerGpuHour -or $null -ne $_.Price) } | Should -BeNullOrEmpty
        $all | Where-Object { $_.Kind -eq 'Purchase' -and ($null -eq $_.Price -or $null -ne $_.PricePerGpuHour) } | Should -BeNullOrEmpty
    }
    It 'gives per-GPU on-demand prices: p5.48xlarge in us-east-1 is 55.04 / 8 = 6.88 USD per GPU-hour' {
        $p = Get-GpuPrice -Model H100 -Provider AWS -Region us-east-1 -Kind OnDemand | Where-Object InstanceType -EQ 'p5.48xlarge'
        $p.PricePerGpuHour | Should -Be 6.88
        $p.InstancePricePerHour | Should -Be 55.04
        $p.GpusPerInstance | Should -Be 8
        $p.Currency | Should -Be 'USD'
        $p.Model | Should -Be 'H100-SXM5-80GB'
    }
    It 'has no on-demand price for p5e.48xlarge (the catalog lists none) and never the 700.0 placeholder' {
        Get-GpuPrice -Kind OnDemand | Where-Object InstanceType -EQ 'p5e.48xlarge' | Should -BeNullOrEmpty
        Get-GpuPrice | Where-Object InstancePricePerHour -EQ 700 | Should -BeNullOrEmpty
        (Get-GpuPrice -Model TPU-V6E -Kind OnDemand).Count | Should -BeGreaterThan 0
    }
    It 'lists purchase prices with their dates: H100 SXM 31,904.63 on 2025-01-31' {
        $h100 = Get-GpuPrice -Model H100-SXM5-80GB -Kind Purchase
        ($h100 | Where-Object AsOf -EQ '2025-01-31').Price | Should -Be 31904.63
        $h100.Source | Should -Match 'Epoch AI'
        (Get-GpuPrice -Model B200 -Kind Purchase).Price | Should -Be 47409.13
    }
    It 'filters by provider and region case-insensitively' {
        $a = Get-GpuPrice -Provider azure -Region EASTUS
        $a.Count | Should -BeGreaterThan 0
        $a.Provider | Sort-Object -Unique | Should -Be 'Azure'
        # Azure's ND96isr H100 v5 has 8 GPUs (SkyPilot says 12).
        ($a | Where-Object { $_.InstanceType -eq 'Standard_ND96isr_H100_v5' -and $_.Kind -eq 'OnDemand' }).PricePerGpuHour | Should -Be (98.32 / 8)
    }
    It 'writes PriceNotFound for a model without a price, and UnknownGpuModel for an unknown name' {
        $null = Get-GpuPrice -Model L4 -Kind Purchase -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'PriceNotFound,CapacityTools.PowerShell.GetGpuPriceCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $out = Get-GpuPrice -Model 'Quantum Abacus', B200 -Kind Purchase -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $out.Model | Should -Be 'B200'
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel*'
        { Get-GpuPrice -Model L4 -Kind Purchase -ErrorAction Stop } | Should -Throw
    }
    It 'reads models from the pipeline' {
        @('B200', 'H200' | Get-GpuPrice -Kind Purchase | ForEach-Object Model | Sort-Object -Unique) | Should -Be @('B200', 'H200-SXM-141GB')
    }
    It 'completes providers and regions' {
        function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) }
        Complete 'Get-GpuPrice -Provider A' | Should -Be @('AWS', 'Azure')
        Complete 'Get-GpuPrice -Region us-east-' | Should -Contain 'us-east-1'
        Complete 'Measure-GpuFleet -RentProvider G' | Should -Be @('GCP')
        Complete 'Measure-GpuFleet -RentRegion eastu' | Should -Be @('eastus', 'eastus2')
    }
    It 'has a view that fits 120 columns' {
        $text = Get-GpuPrice -Model H100-SXM5-80GB -Provider AWS -Region us-east-1 | Format-Table | Out-String -Width 120
        $text | Should -Match 'H100-SXM5-80GB\s+OnDemand\s+AWS\s+us-east-1\s+p5\.48xlarge\s+6\.880\s+GPU-h\s+USD\s+2026'
        foreach ($line in $text -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
    }
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $claims = Import-Csv "$PSScriptRoot/../../seeds/claims.csv"
}

Describe 'Compare-MarketToGdp' {
    Context 'the seed claims (IMF WEO October 2025)' {
        It '$800 billion in 2024 ranks 22nd, between Poland and Taiwan, about 0.7 % of world GDP' {
            $claim = $claims | Where-Object Id -EQ 'metaverse-revenue-2024'
            $r = Compare-MarketToGdp -Amount $claim.Value -Year $claim.Year -Label $claim.Subject
            $r.Rank | Should -Be 22
            $r.EconomiesRanked | Should -Be 195
            $r.Above.Iso3 | Should -Be 'POL'
            $r.Below.Iso3 | Should -Be 'TWN'
            [math]::Round($r.ShareOfWorld * 100, 1) | Should -Be 0.7
            $r.Edition | Should -Be 'WEO-2025-10'
            $r.Status | Should -Be 'Actual'
            $r.Label | Should -Be 'Global metaverse revenue'
            $r.Bound | Should -Be 'Point'
            # The claim's CompareWith economies are the ones around the amount
            $r.Nearest.Iso3 | Should -Contain 'CHE'
            foreach ($iso in $claim.CompareWith -split ';') { $r.Nearest.Iso3 | Should -Contain $iso }
        }
        It '$6 trillion and $13 trillion in 2030 rank 5th and 3rd, with a warning about projections' {
            $claim = $claims | Where-Object Id -EQ 'metaverse-market-2030'
            $r = $claim | Compare-MarketToGdp -WarningVariable warns -WarningAction SilentlyContinue
            $r.Bound | Should -Be @('Low', 'High')
            $r.AmountUsd | Should -Be @(6e12, 13e12)
            ($r | ForEach-Object Rank) | Should -Be @(5, 3)
            $r.Year | Should -Be @(2030, 2030)
            $r.Status | Should -Be @('Projection', 'Projection')
            $warns.Count | Should -Be 1
            $warns[0] | Should -Match 'projections'
        }
        It 'reads the same range from text: <Text>' -ForEach @(
            @{ Text = '$6-13 trillion' }, @{ Text = '$6T–$13T' }, @{ Text = '6 to 13 tn' }
        ) {
            (Compare-MarketToGdp $Text -Year 2030 -WarningAction SilentlyContinue | ForEach-Object Rank) | Should -Be @(5, 3)
        }
    }

    Context 'amounts' {
        It 'reads <Text> as 800 billion US dollars' -ForEach @(
            @{ Text = '$800 billion' }, @{ Text = '800B' }, @{ Text = '0.8T' }, @{ Text = '800,000,000,000' }, @{ Text = '800bn' }
        ) {
            (Compare-MarketToGdp $Text -Year 2024).AmountUsd | Should -Be 800e9
        }
        It 'takes numbers, several amounts and pipeline input' {
            (Compare-MarketToGdp 8e11 -Year 2024).Rank | Should -Be 22
            (Compare-MarketToGdp -Amount 1e15, 1 -Year 2024 | ForEach-Object Rank) | Should -Be @(1, 196)
            ('$1.2 trillion', 'US$ 1.2 trillion' | Compare-MarketToGdp -Year 2024).AmountUsd | Should -Be @(1.2e12, 1.2e12)
        }
        It 'is culture-invariant' {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'de-DE'
                (Compare-MarketToGdp '$1,234.5 billion' -Year 2024).AmountUsd | Should -Be 1234.5e9
                (Compare-MarketToGdp 0.8e12 -Year 2024).AmountUsd | Should -Be 800e9
            } finally { [cultureinfo]::CurrentCulture = $saved }
        }
        It 'writes InvalidAmount for text that is not an amount, and goes on' {
            $r = Compare-MarketToGdp 'eight hundred billion', '800B' -Year 2024 -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.AmountUsd | Should -Be 800e9
            $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidAmount,CapacityTools.PowerShell.CompareMarketToGdpCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        It 'refuses another currency without a rate, and converts with one' {
            $null = Compare-MarketToGdp '€5B' -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'NonUsdAmount,*'
            $errs[0].ErrorDetails.RecommendedAction | Should -Match 'ExchangeRate'
            $r = Compare-MarketToGdp '€500 billion' -ExchangeRate 1.08 -Year 2024
            [math]::Round($r.AmountUsd) | Should -Be 540e9
            $r.Notes | Should -Contain 'Converted from EUR at 1.08 US dollars per EUR.'
        }
    }

    Context 'rankings at the edges' {
        It 'has no economy above an amount larger than the largest economy' {
            $r = Compare-MarketToGdp '$50 trillion' -Year 2024
            $r.Rank | Should -Be 1
            $r.Above | Should -BeNullOrEmpty
            $r.Below.Iso3 | Should -Be 'USA'
            $r.Notes -join ' ' | Should -Match 'Larger than every economy'
        }
        It 'has no economy below an amount smaller than the smallest' {
            $r = Compare-MarketToGdp '$1 million' -Year 2024
            $r.Rank | Should -Be 196
            $r.Below | Should -BeNullOrEmpty
            $r.Above.Rank | Should -Be 195
        }
        It 'shares the rank of an economy with exactly the same GDP' {
            $r = Compare-MarketToGdp 914553000000 -Year 2024
            $r.Rank | Should -Be 21
            $r.TiedWith.Iso3 | Should -Be 'POL'
            $r.Above.Iso3 | Should -Be 'CHE'
            $r.Below.Iso3 | Should -Be 'TWN'
        }
        It 'lists -Nearest economies, largest first, with ratios' {
            $r = Compare-MarketToGdp 0.8T -Year 2024 -Nearest 3
            $r.Nearest.Iso3 | Should -Be @('CHE', 'POL', 'TWN')
            [math]::Round(($r.Nearest | Where-Object Iso3 -EQ 'POL').Ratio, 3) | Should -Be 0.875
            (Compare-MarketToGdp 0.8T -Year 2024 -Nearest 0).Nearest.Count | Should -Be 0
        }
    }

    Context 'editions and years' {
        It 'states the edition and uses its figures' {
            $r = Compare-MarketToGdp 800B -Year 2024 -Edition WEO-2024-10 -WarningVariable warns -WarningAction SilentlyContinue
            $r.Edition | Should -Be 'WEO-2024-10'
            $r.Above.GdpUsd | Should -Be 862908000000
            $r.Status | Should -Be 'Projection'
            $warns.Count | Should -Be 1
            $w = Compare-MarketToGdp 800B -Year 2023 -Edition WDI-2024-09
            $w.Source | Should -Be 'WorldBank'
            $w.WorldGdpUsd | Should -BeGreaterThan 1e14
        }
        It 'writes YearNotInEdition with the years the edition has' {
            $null = Compare-MarketToGdp 800B -Year 2024 -Edition WDI-2024-09 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'YearNotInEdition,CapacityTools.PowerShell.CompareMarketToGdpCommand'
            $errs[0].Exception.Message | Should -Match '1960–2023'
        }
        It 'declares its output type' {
            (Get-Command Compare-MarketToGdp).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Economy.MarketComparison')
        }
    }
}

Describe 'Compare-MarketToGdp in parallel runspaces' {
    It 'gives every runspace the same answer from the shared, lazily loaded data' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $module = $env:CAPACITYTOOLS_MODULE
        $ranks = 1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
            Import-Module $using:module
            (Compare-MarketToGdp '$800 billion' -Year 2024).Rank
        }
        $ranks | Should -Be @(22, 22, 22, 22, 22, 22)
    }
}

BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Get-CountryGdp' {
    Context 'parameters' {
        BeforeAll { $cmd = Get-Command Get-CountryGdp }
        It 'declares its output type' {
            $cmd.OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Economy.CountryGdp')
        }
        It 'binds -Country from the pipeline, by value and by property name' {
            $p = $cmd.Parameters['Country']
            $p.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipeline | Should -Contain $true
            foreach ($a in 'Name', 'Iso3', 'Economy', 'CountryCode') { $p.Aliases | Should -Contain $a }
        }
        It 'completes editions, embedded and imported' {
            $names = (TabExpansion2 -inputScript 'Get-CountryGdp -Edition WEO-2025' -cursorColumn 32).CompletionMatches.CompletionText
            $names | Should -Be @('WEO-2025-10', 'WEO-2025-04')
        }
        It 'completes countries of the chosen edition' {
            $names = (TabExpansion2 -inputScript 'Get-CountryGdp -Country Pol' -cursorColumn 27).CompletionMatches.CompletionText
            $names | Should -Contain 'Poland'
            (TabExpansion2 -inputScript 'Get-CountryGdp -Country Taiw -Edition WDI-2024-09' -cursorColumn 28).CompletionMatches | Should -BeNullOrEmpty
        }
    }

    Context 'figures' {
        It 'gives Poland and Taiwan 2024 from the October 2025 edition by default' {
            $r = Get-CountryGdp -Country Poland, Taiwan -Year 2024
            $r.Iso3 | Should -Be @('POL', 'TWN')
            $r.GdpUsd | Should -Be @(914553000000, 797004000000)
            ($r | ForEach-Object Rank) | Should -Be @(21, 22)
            $r.Status | Should -Be @('Actual', 'Actual')
            $r.Edition | Should -Be @('WEO-2025-10', 'WEO-2025-10')
            $r[0].Source | Should -Be 'Imf'
            $r[0].SourceName | Should -Be 'Poland, Republic of'
        }
        It 'uses the last year that is not a projection when -Year is left out' {
            (Get-CountryGdp -Country USA).Year | Should -Be 2024
            (Get-CountryGdp -Country USA -Edition WEO-2024-10).Year | Should -Be 2023
            (Get-CountryGdp -Country USA -Source WorldBank).Year | Should -Be 2023
        }
        It 'lists every economy of a year, largest first, without aggregates' {
            $r = Get-CountryGdp -Year 2030
            $r.Count | Should -Be 188
            $r[0..4].Iso3 | Should -Be @('USA', 'CHN', 'IND', 'DEU', 'GBR')
            $r.Status | Select-Object -Unique | Should -Be 'Projection'
            $r.IsAggregate | Should -Not -Contain $true
        }
        It 'finds economies by alias, code and any edition''s spelling: <Name>' -ForEach @(
            @{ Name = 'Kosovo'; Iso3 = 'XKX' }, @{ Name = 'UVK'; Iso3 = 'XKX' }, @{ Name = 'KOS'; Iso3 = 'XKX' }
            @{ Name = 'WBG'; Iso3 = 'PSE' }, @{ Name = 'Palestine'; Iso3 = 'PSE' }
            @{ Name = 'South Korea'; Iso3 = 'KOR' }, @{ Name = 'Korea'; Iso3 = 'KOR' }, @{ Name = 'Korea, Rep.'; Iso3 = 'KOR' }
            @{ Name = 'Turkey'; Iso3 = 'TUR' }, @{ Name = 'Türkiye, Republic of'; Iso3 = 'TUR' }
            @{ Name = 'Netherlands, The'; Iso3 = 'NLD' }, @{ Name = 'Cote d''Ivoire'; Iso3 = 'CIV' }
            @{ Name = 'Taiwan'; Iso3 = 'TWN' }, @{ Name = '964'; Iso3 = 'POL' }
        ) {
            (Get-CountryGdp -Country $Name -Year 2023).Iso3 | Should -Be $Iso3
        }
        It 'maps the World Bank''s codes onto the same economies' {
            (Get-CountryGdp -Country KOS -Year 2023 -Edition WDI-2024-09).SourceCode | Should -Be 'XKX'
            (Get-CountryGdp -Country WBG -Year 2023 -Edition WDI-2024-09).SourceCode | Should -Be 'PSE'
        }
        It 'matches names with wildcards' {
            $r = Get-CountryGdp -Country 'Korea*', 'Kosovo' -Year (2022..2024)
            $r.Count | Should -Be 6
            ($r.Iso3 | Select-Object -Unique) | Should -Be @('KOR', 'XKX')
        }
        It 'returns country groups only with -IncludeAggregates, the World from the IMF''s own figure' {
            $r = Get-CountryGdp -Country G001, EU, 'Euro area' -Year 2024 -IncludeAggregates
            $r.Iso3 | Should -Be @('G001', 'G998', 'G163')
            $r[0].GdpUsd | Should -Be 111112860000000
            $r[0].Rank | Should -BeNullOrEmpty
            $r[0].Status | Should -Be 'Estimate'
            (Get-CountryGdp -Country WLD -Year 2023 -Source WorldBank -IncludeAggregates).SourceCode | Should -Be 'WLD'
            (Get-CountryGdp -Year 2024 -IncludeAggregates | Where-Object IsAggregate).Count | Should -Be 13
        }
        It 'matches codes and names the same way in the Turkish culture' {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'tr-TR'
                (Get-CountryGdp -Country 'irl', 'italy', 'CHILE', 'ind' -Year 2024).Iso3 | Should -Be @('IRL', 'ITA', 'CHL', 'IND')
            } finally { [cultureinfo]::CurrentCulture = $saved }
        }
        It 'takes economies from the pipeline' {
            ('POL', 'CHE' | Get-CountryGdp -Year 2024).Country | Should -Be @('Poland', 'Switzerland')
            ([pscustomobject]@{ Iso3 = 'DEU'; Year = 2020 } | Get-CountryGdp).GdpUsd | Should -BeGreaterThan 3e12
        }
    }

    Context 'errors' {
        It 'writes UnknownCountry with suggestions and goes on' {
            $r = Get-CountryGdp -Country Polnd, Chile -Year 2024 -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.Iso3 | Should -Be 'CHL'
            $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownCountry,CapacityTools.PowerShell.GetCountryGdpCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].TargetObject | Should -Be 'Polnd'
            $errs[0].Exception.Message | Should -Match 'Did you mean Poland \(POL\)'
        }
        It 'says an economy has no value for a year, never zero' {
            $r = Get-CountryGdp -Country Syria -Year 2024 -ErrorVariable errs -ErrorAction SilentlyContinue
            $r | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -Be 'GdpValueMissing,CapacityTools.PowerShell.GetCountryGdpCommand'
            $errs[0].Exception.Message | Should -Match '1980–2010'
            $null = Get-CountryGdp -Country PAK -Year 2030 -ErrorVariable errs2 -ErrorAction SilentlyContinue
            $errs2[0].FullyQualifiedErrorId | Should -BeLike 'GdpValueMissing,*'
        }
        It 'lists the years an edition has for a year it lacks' {
            $null = Get-CountryGdp -Country POL -Year 2031 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'YearNotInEdition,*'
            $errs[0].Exception.Message | Should -Match '1980–2030'
            $null = Get-CountryGdp -Country POL -Year 2024 -Source WorldBank -ErrorVariable errs3 -ErrorAction SilentlyContinue
            $errs3[0].Exception.Message | Should -Match '1960–2023'
        }
        It 'asks for -IncludeAggregates for a country group' {
            $null = Get-CountryGdp -Country World -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'AggregateNotIncluded,*'
        }
        It 'says which economies an edition does not cover' {
            $null = Get-CountryGdp -Country Taiwan -Source WorldBank -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'CountryNotInEdition,*'
            (Get-CountryGdp -Country Cuba -Year 2020 -Source WorldBank).Iso3 | Should -Be 'CUB'
        }
        It 'is terminating for an unknown edition or a source that contradicts it' {
            { Get-CountryGdp -Edition WEO-1999-01 } | Should -Throw -ErrorId 'UnknownGdpEdition,CapacityTools.PowerShell.GetCountryGdpCommand'
            { Get-CountryGdp -Edition WDI-2024-09 -Source Imf } | Should -Throw -ErrorId 'GdpSourceMismatch,*'
        }
        It 'stops with -ErrorAction Stop' {
            { Get-CountryGdp -Country Atlantis -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownCountry,*'
        }
    }
}

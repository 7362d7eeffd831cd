BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Tab completion' {
    It 'completes <Parameter> of <Command> from the catalog' -ForEach @(
        @{ Command = 'Get-GpuEquivalent'; Parameter = 'Model'; Word = 'H100-S'; Expected = 'H100-SXM5-80GB' }
        @{ Command = 'Get-GpuEquivalent'; Parameter = 'Reference'; Word = 'A100-SXM4-8'; Expected = 'A100-SXM4-80GB' }
        @{ Command = 'Get-GpuSpec'; Parameter = 'Name'; Word = 'MI30'; Expected = 'MI300X' }
        @{ Command = 'Resolve-GpuModel'; Parameter = 'Name'; Word = 'p4d'; Expected = 'p4d.24xlarge' }
    ) {
        $line = "$Command -$Parameter $Word"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain $Expected
        $result.CompletionMatches.CompletionText | ForEach-Object { $_.Trim("'") | Should -BeLike "$Word*" }
    }
    It 'quotes names with spaces' {
        $line = "Get-GpuSpec -Name 'NVIDIA A100-SXM4-8"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain "'NVIDIA A100-SXM4-80GB'"
    }
    It 'completes enum values of -Metric' {
        $line = 'Get-GpuEquivalent -Model A100 -Metric Ep'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Epoch8Bit'
    }

    It 'completes <Parameter> of <Command> from the data (<Word> -> <Expected>)' -ForEach @(
        @{ Command = 'Get-GpuSpec'; Parameter = 'Vendor'; Word = 'nv'; Expected = 'NVIDIA' }
        @{ Command = 'Get-GpuSpec'; Parameter = 'Vendor'; Word = 'A'; Expected = 'AMD' }
        @{ Command = 'Get-CountryGdp'; Parameter = 'Year'; Word = '202'; Expected = '2024' }
        @{ Command = 'Get-CountryGdp -Edition WDI-2024-09'; Parameter = 'Year'; Word = '196'; Expected = '1960' }
        @{ Command = 'Compare-MarketToGdp 800B'; Parameter = 'Year'; Word = '203'; Expected = '2030' }
        @{ Command = 'Measure-GpuFleet'; Parameter = 'Currency'; Word = 'E'; Expected = 'EUR' }
        @{ Command = 'Get-CountryGdp'; Parameter = 'Country'; Word = 'cote'; Expected = "'Côte d''Ivoire'" }
        @{ Command = 'Get-CountryGdp'; Parameter = 'Country'; Word = 'DE'; Expected = 'DE' }
    ) {
        $line = "$Command -$Parameter $Word"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain $Expected
    }
    It 'offers only the years of the edition asked for' {
        $line = 'Get-CountryGdp -Edition WEO-2025-10 -Year 19'
        $years = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $years | Should -Not -Contain '1960'
        $years | Should -Contain '1980'
    }
    It 'finds economies by ISO 3166 alpha-2 code and without diacritics' {
        (Get-CountryGdp -Country DE, FR, GB, JP, CN, IN -Year 2024).Iso3 | Should -Be @('DEU', 'FRA', 'GBR', 'JPN', 'CHN', 'IND')
        (Get-CountryGdp -Country 'Cote dIvoire' -Year 2024).Iso3 | Should -Be 'CIV'
    }
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $data = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/gdp'
}

Describe 'Import-GdpData' {
    It 'reads a classic WEO file (UTF-16, tab-separated) as a new edition for the session' {
        $info = Import-GdpData -Path (Join-Path $data 'weo-classic-utf16.xls') -Edition 'WEO-2024-10-file'
        $info.Edition | Should -Be 'WEO-2024-10-file'
        $info.Layout | Should -Be 'ImfClassicWeo'
        $info.Source | Should -Be 'Imf'
        $info.FirstProjectionYear | Should -Be 2024
        $info.RowsSkipped | Should -Be 0
        # The same figures as the embedded edition, and Kosovo (UVK) and West Bank and Gaza (WBG) mapped
        (Get-CountryGdp POL -Year 2024 -Edition WEO-2024-10-file).GdpUsd | Should -Be (Get-CountryGdp POL -Year 2024 -Edition WEO-2024-10).GdpUsd
        (Get-CountryGdp UVK -Year 2023 -Edition WEO-2024-10-file).Iso3 | Should -Be 'XKX'
        (Get-CountryGdp PSE -Year 2022 -Edition WEO-2024-10-file).SourceCode | Should -Be 'WBG'
        (Compare-MarketToGdp 800B -Year 2023 -Edition WEO-2024-10-file).Edition | Should -Be 'WEO-2024-10-file'
    }
    It 'tab-completes imported editions' {
        $null = Import-GdpData -Path (Join-Path $data 'weo-portal.csv') -Edition 'Portal-Test'
        (TabExpansion2 -inputScript 'Get-CountryGdp -Edition Portal' -cursorColumn 30).CompletionMatches.CompletionText | Should -Be 'Portal-Test'
    }
    It 'keeps imported editions to its own runspace' {
        $null = Import-GdpData -Path (Join-Path $data 'wb-bulk.csv') -Edition 'WB-Runspace'
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript("Import-Module '$($env:CAPACITYTOOLS_MODULE)'; Get-CountryGdp -Edition WB-Runspace").Invoke()
            $other.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGdpEdition,*'
        } finally { $other.Dispose() }
        (Get-CountryGdp USA -Year 2023 -Edition WB-Runspace).Source | Should -Be 'WorldBank'
    }
    It 'names the edition from the file, and refuses an embedded name' {
        $null = Import-GdpData -Path (Join-Path $data 'weo-classic-latin1.xls') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'GdpEditionNameTaken,CapacityTools.PowerShell.ImportGdpDataCommand'
        $errs[0].Exception.Message | Should -Match 'WEO-2025-04'
    }
    It 'writes a bad row as an error with file and line, and keeps the good rows' {
        $file = Join-Path $TestDrive 'tidy.csv'
        @'
iso3,country,year,indicator,value_usd,estimate_or_projection
POL,Poland,2024,NGDPD,914553000000,actual
TWN,Taiwan,2024,NGDPD,lots,actual
CHE,Switzerland,2024,NGDPD,0,actual
UVK,Kosovo,2024,NGDPD,11207000000,actual
XKX,Kosovo,2024,NGDPD,11207000000,actual
'@ | Set-Content -Path $file -Encoding utf8
        $info = Import-GdpData -Path $file -Edition Tidy-Test -ErrorVariable errs -ErrorAction SilentlyContinue
        $info.Economies | Should -Be 2
        $info.RowsSkipped | Should -Be 3
        $errs.Count | Should -Be 3
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidGdpRow,CapacityTools.PowerShell.ImportGdpDataCommand'
        $errs[0].Exception.Message | Should -Match 'tidy.csv:3'
        $errs[1].Exception.Message | Should -Match 'zero'
        $errs[2].FullyQualifiedErrorId | Should -BeLike 'DuplicateGdpValue,*'
        (Get-CountryGdp -Edition Tidy-Test -Year 2024).Iso3 | Should -Be @('POL', 'XKX')
    }
    It 'rejects a file in an unknown layout' {
        $file = Join-Path $TestDrive 'other.csv'
        "Region;Revenue`nEMEA;12" | Set-Content -Path $file
        $null = Import-GdpData -Path $file -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'UnknownGdpLayout,CapacityTools.PowerShell.ImportGdpDataCommand'
        { Import-GdpData -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownGdpLayout,*'
    }
    It 'binds files from Get-ChildItem and resolves relative paths' {
        Push-Location $data
        try {
            $info = Get-ChildItem -Filter 'wb-bulk.csv' | Import-GdpData -Edition WB-Pipeline
            $info.Layout | Should -Be 'WorldBankBulk'
            (Import-GdpData -Path './weo-portal.csv' -Edition Relative).Layout | Should -Be 'ImfDataPortal'
        } finally { Pop-Location }
    }
    It 'reports a missing file' {
        $null = Import-GdpData -Path (Join-Path $TestDrive 'nope*.csv'), (Join-Path $TestDrive 'none.csv') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.FullyQualifiedErrorId | Should -Contain 'PathNotFound,CapacityTools.PowerShell.ImportGdpDataCommand'
    }
    It 'declares its output type' {
        (Get-Command Import-GdpData).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Economy.GdpEditionInfo')
    }

    It 'drops one imported edition, or all of them, with -Reset; never an embedded one' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "capacitytools-gdp-$([guid]::NewGuid().ToString('N')).csv"
        "iso3,country,year,indicator,value_usd,estimate_or_projection`nPOL,Poland,2024,NGDPD,914553000000,actual`n" | Set-Content -LiteralPath $file
        try {
            $r = Invoke-Isolated @"
`$null = Import-GdpData -LiteralPath '$file' -Edition Mine-A
`$null = Import-GdpData -LiteralPath '$file' -Edition Mine-B
Import-GdpData -Reset -Edition Mine-A
(Get-CountryGdp -Country POL -Year 2024 -Edition Mine-B).Edition
try { Get-CountryGdp -Country POL -Year 2024 -Edition Mine-A -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId.Split(',')[0] }
Import-GdpData -Reset
try { Get-CountryGdp -Country POL -Year 2024 -Edition Mine-B -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId.Split(',')[0] }
Import-GdpData -Reset -Edition WEO-2025-10
"@
            $r.Output | Should -Be @('Mine-B', 'UnknownGdpEdition', 'UnknownGdpEdition')
            $r.Errors.Count | Should -Be 1
            $r.Errors[0].FullyQualifiedErrorId | Should -Be 'GdpEditionNameTaken,CapacityTools.PowerShell.ImportGdpDataCommand'
        } finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }
}

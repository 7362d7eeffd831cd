BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Import-GpuCatalog' {
    BeforeAll {
        $good = Join-Path $TestDrive 'good.csv'
        @'
Id,Vendor,Model,Family,MemoryGB,Bf16Tflops,Fp8Tflops,Int8Tops,Aliases,Source
ACME-X1,ACME,X1,X1,128,900,1800,1800,ACME X1;x1-oam,our datasheet
H100-SXM5-80GB,NVIDIA,H100 SXM5 80GB capped,H100,80,900,1800,1800,,measured at our power cap
'@ | Set-Content $good
        $mixed = Join-Path $TestDrive 'mixed.csv'
        @'
Id,Vendor,Model,Bf16Tflops,Source
ACME-Y1,ACME,Y1,500,src
ACME-Y2,ACME,Y2,five hundred,src
,ACME,Y3,500,src
ACME-Y4,ACME,Y4,-1,src
ACME-Y5,ACME,Y5,250,src
'@ | Set-Content $mixed
        $noId = Join-Path $TestDrive 'noid.csv'
        "Name,Bf16Tflops`nX,1" | Set-Content $noId
    }

    It 'adds and overrides entries for the session, and outputs them' {
        $run = Invoke-Isolated "Import-GpuCatalog -Path '$good' | Select-Object Id, Bf16Tflops, Origin; (Get-GpuEquivalent -Model 'ACME X1' -Count 10).Equivalents"
        $run.Errors | Should -BeNullOrEmpty
        $run.Output[0].Id | Should -Be 'ACME-X1'
        $run.Output[0].Origin | Should -Be $good
        $run.Output[1].Bf16Tflops | Should -Be 900
        # the reference itself was overridden: 900 / 900 per unit
        $run.Output[2] | Should -Be 10
    }

    It 'does not change other sessions' {
        $null = Invoke-Isolated "Import-GpuCatalog -Path '$good'"
        (Get-GpuSpec H100-SXM5-80GB).Bf16Tflops | Should -Be 989.4
        { Get-GpuSpec 'ACME-X1' -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownGpuModel,*'
    }

    It 'reports every bad row with file and line and imports the good ones' {
        $run = Invoke-Isolated "Import-GpuCatalog -Path '$mixed'"
        $run.Output.Id | Should -Be @('ACME-Y1', 'ACME-Y5')
        $run.Errors.Count | Should -Be 3
        $run.Errors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'InvalidGpuCatalogRow,CapacityTools.PowerShell.ImportGpuCatalogCommand'
        $run.Errors[0].ErrorDetails.Message | Should -BeLike "$mixed`:3: Bf16Tflops 'five hundred' is not a number*"
        $run.Errors[1].ErrorDetails.Message | Should -BeLike "$mixed`:4: *Id is empty*"
        $run.Errors[2].ErrorDetails.Message | Should -BeLike "$mixed`:5: *negative*"
        $run.Warnings[0] | Should -Match '3 row\(s\) skipped, 2 imported'
    }

    It 'uses nothing from a file without an Id column and leaves the catalog as it was' {
        $run = Invoke-Isolated "Import-GpuCatalog -Path '$noId'; (Get-GpuSpec).Count"
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'MissingCatalogColumn,CapacityTools.PowerShell.ImportGpuCatalogCommand'
        $run.Output[-1] | Should -Be (Get-GpuSpec).Count
    }

    It 'binds files from Get-ChildItem and resolves relative paths from the current location' {
        $run = Invoke-Isolated "Get-ChildItem -Filter good.csv | Import-GpuCatalog | ForEach-Object Id; Import-GpuCatalog -Path ./goo?.csv | ForEach-Object Id" -Location $TestDrive
        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be @('ACME-X1', 'H100-SXM5-80GB', 'ACME-X1', 'H100-SXM5-80GB')
    }

    It 'writes PathNotFound for a missing file' {
        $run = Invoke-Isolated "Import-GpuCatalog -LiteralPath './nope[1].csv'" -Location $TestDrive
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,CapacityTools.PowerShell.ImportGpuCatalogCommand'
    }

    Context 'session state' {
        It 'goes back to the embedded catalog with -Reset, and -WhatIf changes nothing' {
            $csv = Join-Path ([IO.Path]::GetTempPath()) "capacitytools-reset-$([guid]::NewGuid().ToString('N')).csv"
            "Id,Vendor,Model,Bf16Tflops,Aliases,Source`nLAB-Z1,ACME,Z1,100,acme z1,lab`n" | Set-Content -LiteralPath $csv
            try {
                $r = Invoke-Isolated @"
Import-GpuCatalog -LiteralPath '$csv' -WhatIf
(Get-GpuSpec -Vendor ACME | Measure-Object).Count
`$null = Import-GpuCatalog -LiteralPath '$csv'
(Get-GpuSpec -Vendor ACME | Measure-Object).Count
Import-GpuCatalog -Reset
(Get-GpuSpec -Vendor ACME | Measure-Object).Count
('acme z1' | Resolve-GpuModel -ErrorAction SilentlyContinue | Measure-Object).Count
"@
                $r.Errors | Should -BeNullOrEmpty
                $r.Output | Should -Be @(0, 1, 0, 0)
            } finally {
                Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
            }
        }
    }
}

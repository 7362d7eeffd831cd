# Issue 9's reproductions, as users run them: bad input is a non-terminating error with the module's own id
# and its place, never a count; the good input still counts; one bad file never stops the others.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
    $work = Join-Path ([IO.Path]::GetTempPath()) "capacitytools-hostile-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $work
}
AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'one count rule for pipeline objects of any type' {
    It 'refuses <Name> and counts the good object beside it' -ForEach @(
        @{ Name = 'a double 8.5'; Value = [double]8.5; Id = 'InvalidGpuCount' }
        @{ Name = 'a double 1e300'; Value = [double]1e300; Id = 'InvalidGpuCount' }
        @{ Name = 'an int 20,000,000'; Value = [int]20000000; Id = 'InvalidGpuCount' }
        @{ Name = 'the text 8,5'; Value = '8,5'; Id = 'InvalidGpuCount' }
        @{ Name = 'a negative long'; Value = [long]-8; Id = 'InvalidGpuCount' }
        @{ Name = 'a null count'; Value = $null; Id = 'MissingGpuCount' }
    ) {
        $objects = @(
            [pscustomobject]@{ Model = 'A100-SXM4-80GB'; Count = $Value }
            [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 4 }
        )
        $s = $objects | Measure-GpuFleet -ErrorVariable errs -ErrorAction SilentlyContinue
        $s.Gpus | Should -Be 4
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be "$Id,CapacityTools.PowerShell.MeasureGpuFleetCommand"
        $e = $objects | Get-GpuEquivalent -ErrorVariable errs2 -ErrorAction SilentlyContinue
        ($e | Measure-Object Count -Sum).Sum | Should -Be 4
        $errs2[0].FullyQualifiedErrorId | Should -Be "$Id,CapacityTools.PowerShell.GetGpuEquivalentCommand"
    }

    It 'reads a ragged Import-Csv row as a missing count, not as one GPU' {
        $csv = Join-Path $work 'ragged.csv'
        "Model,Count`nA100-SXM4-80GB,8`nH100-SXM5-80GB`n" | Set-Content -LiteralPath $csv
        $s = Import-Csv $csv | Measure-GpuFleet -ErrorVariable errs -ErrorAction SilentlyContinue
        $s.Gpus | Should -Be 8
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'MissingGpuCount,*'
    }

    It 'counts one GPU for an object that has no count property at all' {
        ([pscustomobject]@{ Model = 'H100-SXM5-80GB' } | Measure-GpuFleet).Gpus | Should -Be 1
    }

    It 'refuses a fractional -Count' {
        $null = Get-GpuEquivalent -Model A100 -Count 8.5 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidGpuCount,CapacityTools.PowerShell.GetGpuEquivalentCommand'
    }
}

Describe 'files' {
    BeforeAll {
        $good1 = Join-Path $samples 'fleet.csv'
        $good2 = Join-Path $samples 'kubectl-node-single.json'
        $bin = Join-Path $work 'bad.bin'
        [IO.File]::WriteAllBytes($bin, [byte[]]::new(100000))
        $expected = (Import-GpuInventory -LiteralPath $good1, $good2 -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Measure-GpuFleet -WarningAction SilentlyContinue -ErrorAction SilentlyContinue).Gpus
    }

    It 'totals the good files when one is not text, on every route' {
        $s = Measure-GpuFleet -LiteralPath $good1, $bin, $good2 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $s.Gpus | Should -Be $expected
        $s.Gpus | Should -BeGreaterThan 0
        ($errs | Where-Object { $_.FullyQualifiedErrorId -like 'NotText,*' }).Count | Should -Be 1
        $items = Import-GpuInventory -LiteralPath $good1, $bin, $good2 -ErrorVariable errs2 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        ($items | Measure-GpuFleet -WarningAction SilentlyContinue -ErrorAction SilentlyContinue).Gpus | Should -Be $expected
        ($errs2 | Where-Object { $_.FullyQualifiedErrorId -like 'NotText,*' }).Count | Should -Be 1
    }

    It 'refuses a device file that never ends, on every reader, at once' -Skip:(-not (Test-Path /dev/zero)) {
        $s = Measure-GpuFleet -LiteralPath /dev/zero, $good1 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $s.Gpus | Should -BeGreaterThan 0
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotText,*'
        $r = Invoke-Isolated "Import-GdpData -LiteralPath /dev/zero; Import-GpuCatalog -LiteralPath /dev/zero; Import-GpuInventory -LiteralPath /dev/urandom"
        ($r.Errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) | Should -Be @('NotText', 'NotText', 'NotText')
    }

    It 'stops at a bad file with -ErrorAction Stop, with the module''s own id' {
        { Measure-GpuFleet -LiteralPath $bin -ErrorAction Stop } | Should -Throw -ErrorId 'NotText,CapacityTools.PowerShell.MeasureGpuFleetCommand'
    }

    It 'reads a UTF-16 file the same by -Path and by Import-GpuInventory (<Encoding>)' -ForEach @(
        @{ Encoding = 'unicode' }, @{ Encoding = 'bigendianunicode' }
    ) {
        $file = Join-Path $work "fleet-$Encoding.csv"
        Get-Content -LiteralPath $good1 | Set-Content -LiteralPath $file -Encoding $Encoding
        $bulk = Measure-GpuFleet -LiteralPath $file -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $items = Import-GpuInventory -LiteralPath $file -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Measure-GpuFleet -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $plain = Measure-GpuFleet -LiteralPath $good1 -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $bulk.Gpus | Should -Be $plain.Gpus
        $items.Gpus | Should -Be $plain.Gpus
    }

    It 'warns when it guessed UTF-16 without a byte order mark' {
        $file = Join-Path $work 'nobom.csv'
        [IO.File]::WriteAllBytes($file, [Text.Encoding]::Unicode.GetBytes("Model,Count`nH100-SXM5-80GB,8`n"))
        $items = Import-GpuInventory -LiteralPath $file -WarningVariable warns -WarningAction SilentlyContinue
        $items.Count | Should -Be 8
        $warns[0] | Should -Match 'UTF-16LE \(no byte order mark'
    }

    It 'stops a Slurm count past Int32 with an error and reads the next file' {
        $slurm = Join-Path $work 'nodes.txt'
        "NodeName=a Gres=gpu:a100:99999999999`nNodeName=b Gres=gpu:a100:8`n" | Set-Content -LiteralPath $slurm
        $items = Import-GpuInventory -LiteralPath $slurm, $good1 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        ($items | Where-Object RawName -Like 'gpu:a100*' | Measure-Object Count -Sum).Sum | Should -Be 8
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidGpuCount,CapacityTools.PowerShell.ImportGpuInventoryCommand'
        $errs[0].Exception.Message | Should -Match 'nodes\.txt:1'
        ($items | Where-Object Source -Like '*fleet.csv*').Count | Should -BeGreaterThan 0
    }

    It 'never copies terminal escape sequences into an error or warning' {
        $evil = Join-Path $work 'evil.csv'
        "Model,Count`n$([char]27)]0;pwned$([char]7)$([char]27)[2J,1`n" | Set-Content -LiteralPath $evil
        $null = Import-GpuInventory -LiteralPath $evil -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $errs.Count | Should -Be 1
        foreach ($text in @($errs[0].ToString(), $errs[0].Exception.Message) + $warns) {
            $text | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]'
        }
        $errs[0].ToString() | Should -Match '\\e\]0;pwned'
    }
}

Describe 'Import-GpuCatalog keeps what a row does not change' {
    It 'keeps the built-in aliases for the help''s own example, so nvidia-smi files still count' {
        $r = Invoke-Isolated @"
`$csv = Join-Path '$work' 'my-gpus.csv'
"Id,Vendor,Model,Family,MemoryGB,TdpWatts,Bf16Tflops,Source`nH100-SXM5-80GB,NVIDIA,H100 SXM5 (measured),H100,80,700,900,lab`n" | Set-Content -LiteralPath `$csv
`$null = Import-GpuCatalog -LiteralPath `$csv -Verbose 4>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.VerboseRecord]) { `$_.Message } }
(Import-GpuInventory -LiteralPath '$(Join-Path $samples 'nvidia-smi-q-x-v12-h100.xml')' | Measure-GpuFleet).Gpus
('NVIDIA H100 80GB HBM3' | Resolve-GpuModel).Id
"@
        $r.Errors | Should -BeNullOrEmpty
        $r.Output | Should -Contain 'H100-SXM5-80GB'
        ($r.Output | Where-Object { $_ -is [double] -or $_ -is [int] }) | Should -BeGreaterThan 0
    }

    It 'reports an unbalanced quote with its line and keeps the next row' {
        $csv = Join-Path $work 'quote.csv'
        "Id,Vendor,Model,Bf16Tflops,Source`nLAB-A,ACME,`"Broken,100,lab`nLAB-B,ACME,B,200,lab`n" | Set-Content -LiteralPath $csv
        $r = Invoke-Isolated "Import-GpuCatalog -LiteralPath '$csv' -WarningAction SilentlyContinue"
        $r.Output.Id | Should -Be @('LAB-B')
        $r.Errors[0].FullyQualifiedErrorId | Should -Be 'MalformedCsvRecord,CapacityTools.PowerShell.ImportGpuCatalogCommand'
        $r.Errors[0].Exception.Message | Should -Match 'quote\.csv:2'
    }
}

Describe 'GDP imports and amounts' {
    It 'refuses a file with no economies' {
        $file = Join-Path $work 'aggregates.csv'
        "iso3,country,year,indicator,value_usd,estimate_or_projection`nWLD,World,2024,NGDPD,110000000000000,actual`n" | Set-Content -LiteralPath $file
        $r = Invoke-Isolated "Import-GdpData -LiteralPath '$file' -Edition Agg-Test"
        $r.Output | Should -BeNullOrEmpty
        $r.Errors[0].FullyQualifiedErrorId | Should -Be 'NoGdpEconomies,CapacityTools.PowerShell.ImportGdpDataCommand'
    }

    It 'says <Text> is <Id>' -ForEach @(
        @{ Text = '$-5B'; Id = 'AmountNotPositive' }
        @{ Text = '1e308'; Id = 'InvalidAmount' }
    ) {
        $null = Compare-MarketToGdp $Text -Year 2024 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be "$Id,CapacityTools.PowerShell.CompareMarketToGdpCommand"
    }

    It 'shows an amount below every economy as below all of them, not as rank 196 of 195' {
        $c = Compare-MarketToGdp '$1' -Year 2024
        $c.Rank | Should -Be ($c.EconomiesRanked + 1)
        ($c | Format-Table | Out-String) | Should -Match "below $($c.EconomiesRanked)"
    }
}

Describe 'error ids' {
    It 'documents every error id of the module in about_CapacityTools' {
        $about = Get-Content -Raw (Join-Path (Split-Path $env:CAPACITYTOOLS_MODULE) 'en-US/about_CapacityTools.help.txt')
        $ids = (Get-ModuleType 'CapacityTools.Core.ErrorIds').GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) }
        $ids.Count | Should -BeGreaterThan 40
        foreach ($id in $ids) { $about | Should -Match "(?m)^\s+$id\s*$" -Because "$id must be documented" }
    }
}

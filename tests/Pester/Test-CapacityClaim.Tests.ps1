BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $claimsPath = "$PSScriptRoot/../../seeds/claims.csv"
}

Describe 'Test-CapacityClaim' {
    Context 'the seed claims, as rows of seeds/claims.csv' {
        BeforeAll {
            $checks = Import-Csv $claimsPath | Test-CapacityClaim -WarningAction SilentlyContinue
            $byId = @{}
            foreach ($c in $checks) { $byId[$c.Id] = $c }
        }
        It 'judges every row' {
            $checks.Count | Should -Be 4
            $checks[0].GetType().FullName | Should -Be 'CapacityTools.Core.Verdicts.ClaimCheck'
        }
        It '350,000 A100s are about 110,400 H100e by dense BF16; the count itself is Unverifiable' {
            $c = $byId['meta-a100-count']
            $c.Verdict | Should -Be 'Unverifiable'
            $c.Holds | Should -BeFalse
            [math]::Round($c.Details[0].Measured) | Should -Be 110370
            $c.Explanation | Should -Match '110,370 H100-SXM5-80GB equivalents by BF16 dense'
        }
        It '600,000 H100e "including other GPUs" is Unverifiable: the A100s explain 18.4 %, the rest must supply 489,630' {
            $c = $byId['meta-h100e-total']
            $c.Verdict | Should -Be 'Unverifiable'
            $c.Claimed | Should -Be 600000
            [math]::Round($c.Unexplained) | Should -Be 489630
            $c.Explanation | Should -Match '18\.4 %'
            $c.Explanation | Should -Match '489,630'
            $c.Basis | Should -Match 'Bf16'
        }
        It '$800 billion in 2024 rivals Poland, Taiwan and Switzerland: Supported at 87, 100 and 85 %' {
            $c = $byId['metaverse-revenue-2024']
            $c.Verdict | Should -Be 'Supported'
            $c.Holds | Should -BeTrue
            $c.Tolerance | Should -Be 0.2
            ($c.Details | ForEach-Object { [math]::Round($_.Ratio * 100) }) | Should -Be @(87, 100, 85)
            $c.Basis | Should -Match 'WEO-2025-10.*2024, actual'
        }
        It '$6-13 trillion in 2030 is placed among projections and says so' {
            $c = $byId['metaverse-market-2030']
            $c.Verdict | Should -Be 'Unverifiable'
            $c.ClaimedHigh | Should -Be 13e12
            $c.Explanation | Should -Match 'rank 5 of 188'
            $c.Explanation | Should -Match 'rank 3 of 188'
            $c.Explanation | Should -Match 'projections'
        }
        It 'reads well in CSV: details as text, not a type name' {
            $csv = $checks | ConvertTo-Csv -NoTypeInformation | Out-String
            $csv | Should -Not -Match 'System\.(String|Object|Collections)|`1\['
            $csv | Should -Match 'Poland \(POL\): 87\.5 % of its GDP'
        }
        It 'finds an Includes row among the embedded claims when it is not on the pipeline' {
            $row = Import-Csv $claimsPath | Where-Object Id -EQ 'meta-h100e-total'
            ($row | Test-CapacityClaim).Verdict | Should -Be 'Unverifiable'
        }
    }

    Context 'GPU and money parameter sets' {
        It 'is Supported within 5 % and Overstated beyond' {
            (Test-CapacityClaim -Model A100-SXM4-80GB -Count 350000 -ClaimedEquivalents 110400).Verdict | Should -Be 'Supported'
            $over = Test-CapacityClaim -Model A100-SXM4-80GB -Count 350000 -ClaimedEquivalents 150000
            $over.Verdict | Should -Be 'Overstated'
            $over.Ratio | Should -BeGreaterThan 1.35
            (Test-CapacityClaim -Model A100-SXM4-80GB -Count 350000 -ClaimedEquivalents 150000 -Tolerance 0.5).Verdict | Should -Be 'Supported'
        }
        It 'measures by -Metric and -Reference' {
            $c = Test-CapacityClaim -Model A100-SXM4-80GB -Count 1000 -ClaimedEquivalents 1000 -Metric Fp64 -Reference H100-SXM5-80GB
            $c.Measured | Should -BeGreaterThan 285
            $c.Measured | Should -BeLessThan 286
            $c.Verdict | Should -Be 'Overstated'
        }
        It 'checks money against rivals and is Overstated when the amount falls short' {
            $c = Test-CapacityClaim -Amount '$800 billion' -Year 2024 -Rivals Germany
            $c.Verdict | Should -Be 'Overstated'
            $c.Details[0].Subject | Should -Match 'DEU'
        }
        It 'writes UnknownGpuModel for an unknown model and goes on' {
            $c = Test-CapacityClaim -Model 'Z9000' -Count 1 -ClaimedEquivalents 1 -ErrorVariable errs -ErrorAction SilentlyContinue
            $c | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel,*'
        }
        It 'writes UnknownCountry for an unknown rival and still judges the others' {
            $c = Test-CapacityClaim -Amount 800B -Year 2024 -Rivals Atlantis, TWN -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownCountry,*'
            $c.Verdict | Should -Be 'Supported'
        }
        It 'writes InvalidClaim for a row it cannot judge, non-terminating' {
            $rows = @(
                [pscustomobject]@{ Id = 'bad'; Kind = 'Rumour'; Value = '1' }
                [pscustomobject]@{ Id = 'ok'; Kind = 'MarketSize'; Value = '800000000000'; Year = '2024'; CompareWith = 'TWN' }
            )
            $out = $rows | Test-CapacityClaim -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidClaim,CapacityTools.PowerShell.TestCapacityClaimCommand'
            $out.Id | Should -Be 'ok'
            { $rows | Test-CapacityClaim -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidClaim,CapacityTools.PowerShell.TestCapacityClaimCommand'
        }
    }

    Context 'capacity requirements on a fleet (CI gates)' {
        BeforeAll {
            $fleet = [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 1024 } | Measure-GpuFleet
        }
        It 'one check per requirement, with the measured figure' {
            $c = $fleet | Test-CapacityClaim -MinimumEquivalents 1000 -MaximumFacilityPowerMW 0.5
            $c.Count | Should -Be 2
            $c[0].Verdict | Should -Be 'Supported'
            $c[0].Measured | Should -Be 1024
            $c[1].Verdict | Should -Be 'Understated'
            [math]::Round($c[1].Measured, 3) | Should -Be 0.86
        }
        It '-Quiet is one Boolean for the whole pipeline: a one-line gate' {
            $fleet | Test-CapacityClaim -MinimumEquivalents 1000 -Quiet | Should -BeTrue
            $fleet | Test-CapacityClaim -MinimumEquivalents 1000 -MinimumGpus 2000 -Quiet | Should -BeFalse
            @($fleet | Test-CapacityClaim -MinimumEquivalents 1000 -MinimumGpus 2000 -Quiet).Count | Should -Be 1
        }
        It 'a fleet without a requirement is a terminating NoRequirement error' {
            { $fleet | Test-CapacityClaim } | Should -Throw -ErrorId 'NoRequirement,CapacityTools.PowerShell.TestCapacityClaimCommand'
        }
        It 'is in the table view within 120 columns' {
            $text = $fleet | Test-CapacityClaim -MinimumGpus 1 | Out-String -Width 120
            $text | Should -Match 'Supported\s+True'
            ($text -split "`n" | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
        }
    }
}

Describe 'Test-CapacityClaim and Export-CapacityReport under de-DE' {
    It 'parses claim rows and writes report figures with the invariant culture' {
        $claims = (Resolve-Path "$PSScriptRoot/../../seeds/claims.csv").Path
        $md = Join-Path ([IO.Path]::GetTempPath()) "ct-culture-$([guid]::NewGuid().ToString('N')).md"
        $script = @"
[cultureinfo]::CurrentCulture = 'de-DE'
`$checks = Import-Csv '$claims' | Test-CapacityClaim -WarningAction SilentlyContinue
`$checks | Export-CapacityReport -Path '$md'
[pscustomobject]@{ Verdicts = @(`$checks.Verdict | ForEach-Object ToString); Unexplained = `$checks[1].Unexplained; Explanation = `$checks[1].Explanation } | ConvertTo-Json -Compress
"@
        try {
            $r = Invoke-InChildPwsh $script
            $r.Verdicts | Should -Be @('Unverifiable', 'Unverifiable', 'Supported', 'Unverifiable')
            [math]::Round($r.Unexplained) | Should -Be 489630
            $r.Explanation | Should -Match '489,630 equivalents'
            (Get-Content -Raw $md) | Should -Match '\| 600,000 \|'
        } finally { Remove-Item $md -ErrorAction SilentlyContinue }
    }
}

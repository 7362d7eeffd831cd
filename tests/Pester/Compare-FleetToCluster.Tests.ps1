BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $claims = Import-Csv "$PSScriptRoot/../../seeds/claims.csv"
}

Describe 'Compare-FleetToCluster' {
    Context 'the seed claims at the end of 2024' {
        BeforeAll {
            $total = $claims | Where-Object Id -EQ 'meta-h100e-total'
            $a100 = $claims | Where-Object Id -EQ 'meta-a100-count'
            $r = Compare-FleetToCluster -Equivalents $total.Value -Date "$($total.Year)-12-31" -Label $total.Subject
        }
        It '600,000 H100e ranks first, six times the largest cluster of 100,000 H100e' {
            $r.Rank | Should -Be 1
            $r.ClustersRanked | Should -BeGreaterThan 300
            $r.Above | Should -BeNullOrEmpty
            [math]::Round($r.Largest.H100e) | Should -Be 100000
            [math]::Round($r.RatioToLargest, 6) | Should -Be 6
            @($r.LargestTiedWith.Name | Sort-Object) | Should -Be @('Meta 100k', 'OpenAI/Microsoft Goodyear Arizona', 'xAI Colossus Memphis Phase 1')
            $r.Below.Owner | Should -Not -BeNullOrEmpty
            $r.Below.Country | Should -Be 'United States of America'
            $r.Label | Should -Be 'Meta AI infrastructure'
            ($r.Notes -join ' ') | Should -Match 'not one cluster'
        }
        It 'is about 9 % of the ~6.5 million H100e that NVIDIA, Google TPU, AMD and Amazon Trainium had shipped' {
            $s = $r.ShareOfShipped
            $s.ShippedH100eMedian | Should -Be 6531926
            $s.ShippedH100eP5 | Should -Be 5435655
            $s.ShippedH100eP95 | Should -Be 7761039
            [math]::Round($s.Median * 100, 1) | Should -Be 9.2
            [math]::Round($s.Low * 100, 1) | Should -Be 7.7
            [math]::Round($s.High * 100, 1) | Should -Be 11.0
            @($s.Vendors.Vendor | Sort-Object) | Should -Be @('AMD', 'Amazon Trainium', 'Google TPU', 'NVIDIA' | Sort-Object)
            ($s.Vendors | Where-Object Vendor -EQ 'NVIDIA').From | Should -Be ([datetime]'2022-01-01')
        }
        It 'credits Epoch AI (CC BY 4.0) on the output' {
            $r.Sources.Count | Should -Be 2
            $r.Sources | Should -Match "Epoch AI"
            $r.Sources | Should -Match 'CC BY 4.0'
        }
        It '350,000 A100s are about 110,000 H100e under Epoch8Bit, recomputed from the Bf16 input' {
            $a = Get-GpuEquivalent -Model $a100.Unit -Count $a100.Value -WarningAction SilentlyContinue | Compare-FleetToCluster -Date '2024-12-31' -WarningAction SilentlyContinue
            [math]::Round($a.Equivalents / 1000) * 1000 | Should -Be 110000
            $a.Rank | Should -Be 1
            $a.Basis | Should -Match 'Recomputed under Epoch8Bit'
            ($a.Notes -join ' ') | Should -Match 'computed under Bf16; it was recomputed under Epoch8Bit'
            [math]::Round($a.RatioToLargest, 2) | Should -Be 1.10
        }
    }

    Context 'input' {
        It 'compares each -Equivalents value and each piped number' {
            # 50,000 ties with Tesla Cortex Phase 1, below three clusters of 100,000 and Oracle's 65,536.
            @(Compare-FleetToCluster -Equivalents 600000, 50000, 49999 -Date 2024-12-31 | ForEach-Object Rank) | Should -Be @(1, 5, 6)
            @(600000, 50000, 49999 | Compare-FleetToCluster -Date 2024-12-31 | ForEach-Object Rank) | Should -Be @(1, 5, 6)
        }
        It 'ties with clusters of the same size' {
            $t = Compare-FleetToCluster 100000 -Date 2024-12-31
            $t.Rank | Should -Be 1
            $t.TiedWith.Count | Should -Be 3
        }
        It 'adds GPUs from rows, a FleetSummary and GpuEquivalent rows into one fleet, the same each way' {
            $rows = [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 1000 }, [pscustomobject]@{ Model = 'A100-SXM4-80GB'; Count = 2000 }
            $fromRows = $rows | Compare-FleetToCluster -Date 2025-06-30
            $fromFleet = $rows | Measure-GpuFleet -WarningAction SilentlyContinue | Compare-FleetToCluster -Date 2025-06-30
            $fromEquivalents = $rows | Get-GpuEquivalent -Metric Fp64 | Compare-FleetToCluster -Date 2025-06-30
            @($fromRows).Count | Should -Be 1
            $expected = 1000 + 2000 * 624 / 1978.9
            [math]::Round($fromRows.Equivalents, 3) | Should -Be ([math]::Round($expected, 3))
            $fromFleet.Equivalents | Should -Be $fromRows.Equivalents
            $fromEquivalents.Equivalents | Should -Be $fromRows.Equivalents
            ($fromEquivalents.Notes -join ' ') | Should -Match 'computed under Fp64'
            ($fromRows.Notes -join ' ') | Should -Not -Match 'recomputed'
        }
        It 'writes an error for an unknown model and compares the rest' {
            $rows = [pscustomobject]@{ Model = 'H100-SXM5-80GB'; Count = 10 }, [pscustomobject]@{ Model = 'Quantum Abacus'; Count = 5 }
            $out = $rows | Compare-FleetToCluster -Date 2025-01-01 -ErrorVariable errs -ErrorAction SilentlyContinue
            [math]::Round($out.Equivalents, 6) | Should -Be 10
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'UnknownGpuModel*'
        }
        It 'rejects a non-positive figure: <Value>' -ForEach @(@{ Value = 0 }, @{ Value = -5 }) {
            { Compare-FleetToCluster -Equivalents $Value } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CapacityTools.PowerShell.CompareFleetToClusterCommand'
            $null = $Value | Compare-FleetToCluster -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidEquivalents,CapacityTools.PowerShell.CompareFleetToClusterCommand'
        }
    }

    Context 'dates' {
        It 'ranks against nothing before the first cluster and has no share before the first quarter' {
            $r = Compare-FleetToCluster 1000 -Date 1990-01-01
            $r.ClustersRanked | Should -Be 0
            $r.Rank | Should -Be 1
            $r.Largest | Should -BeNullOrEmpty
            $r.ShareOfShipped | Should -BeNullOrEmpty
            $r.Sources.Count | Should -Be 1
        }
        It 'sees the later phases of a site replace the earlier ones' {
            (Compare-FleetToCluster 1000 -Date 2025-03-01).Largest.Name | Should -Be 'xAI Colossus Memphis Phase 2'
            (Compare-FleetToCluster 1000 -Date 2025-12-31).Largest.Name | Should -Be 'xAI Colossus Memphis Phase 3'
        }
        It 'defaults to today and says when the data ends' {
            $r = Compare-FleetToCluster 1000
            $r.Date | Should -Be ([datetime]::Today)
            ($r.Notes -join ' ') | Should -Match 'operational up to 2025-10-15'
        }
        It 'lists -Nearest clusters, largest first' {
            $n = (Compare-FleetToCluster 20000 -Date 2024-06-30 -Nearest 4).Nearest
            $n.Count | Should -Be 4
            @($n.H100e) | Should -Be @($n.H100e | Sort-Object -Descending)
            (Compare-FleetToCluster 20000 -Date 2024-06-30 -Nearest 0).Nearest.Count | Should -Be 0
        }
    }

    Context 'culture' {
        It 'gives the same figures under <_>' -ForEach @('de-DE', 'tr-TR', 'fr-FR') {
            $saved = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = $_
                $r = Compare-FleetToCluster -Equivalents 600000 -Date '2024-12-31'
                $r.Date | Should -Be ([datetime]::new(2024, 12, 31))
                $r.ShareOfShipped.ShippedH100eMedian | Should -Be 6531926
                $r.Rank | Should -Be 1
                $a = [pscustomobject]@{ Model = 'A100'; Count = 350000 } | Compare-FleetToCluster -Date '2024-12-31' -WarningAction SilentlyContinue
                $a.Basis | Should -Match '350,000 x A100-SXM4-80GB'
                $a.Label | Should -Be '110,364 H100e'
            } finally { [cultureinfo]::CurrentCulture = $saved }
        }
    }

    Context 'view' {
        It 'fits 120 columns' {
            $text = Compare-FleetToCluster 600000 -Date 2024-12-31 -Label 'Seed claim' | Format-Table | Out-String -Width 120
            $text | Should -Match 'Seed claim\s+600,000\s+2024-12-31\s+1/\d+'
            $text | Should -Match '6\.00x'
            foreach ($line in $text -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
        }
    }
}

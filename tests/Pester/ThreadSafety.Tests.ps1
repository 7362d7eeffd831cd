BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

# One assembly serves every runspace: the embedded data is loaded once, lazily, and never changes;
# what a runspace imports stays in that runspace.
Describe 'Many runspaces at once' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
    It 'gives every parallel runspace the same answers on first use' {
        $module = $env:CAPACITYTOOLS_MODULE
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            [pscustomobject]@{
                Equivalents = (Get-GpuEquivalent -Model A100 -Count 350000 -WarningAction SilentlyContinue).Equivalents
                Resolved    = (Resolve-GpuModel 'gpu:h100:8(S:0-1)').GpusPerUnit
                Specs       = (Get-GpuSpec).Count
            }
        }
        $results.Count | Should -Be 8
        $results.Equivalents | Sort-Object -Unique | Should -HaveCount 1
        [math]::Round($results[0].Equivalents) | Should -Be 110370
        $results.Resolved | Sort-Object -Unique | Should -Be 8
        $results.Specs | Sort-Object -Unique | Should -Be (Get-GpuSpec).Count
    }

    It 'keeps an import in the runspace that made it' {
        $module = $env:CAPACITYTOOLS_MODULE
        $catalog = Join-Path $TestDrive 'override.csv'
        "Id,Model,Bf16Tflops,Source`nH100-SXM5-80GB,H100 at our cap,900,measured" | Set-Content $catalog
        # -UseNewRunspace: without it, ForEach-Object -Parallel may reuse a runspace that already imported.
        $results = 1..6 | ForEach-Object -ThrottleLimit 6 -UseNewRunspace -Parallel {
            Import-Module $using:module
            if ($_ % 2) { $null = Import-GpuCatalog -Path $using:catalog }
            [pscustomobject]@{ Index = $_; Bf16 = (Get-GpuSpec H100-SXM5-80GB).Bf16Tflops }
        }
        ($results | Where-Object { $_.Index % 2 }).Bf16 | Sort-Object -Unique | Should -Be 900
        ($results | Where-Object { -not ($_.Index % 2) }).Bf16 | Sort-Object -Unique | Should -Be 989.4
        (Get-GpuSpec H100-SXM5-80GB).Bf16Tflops | Should -Be 989.4
    }

    It 'hands out reference data no runspace can change for the others' {
        $r = Invoke-Isolated @"
`$spec = Get-GpuSpec -Name H100-SXM5-80GB
try { `$spec.Bf16Tflops = 1; 'changed' } catch { `$_.FullyQualifiedErrorId }
try { `$spec.Aliases.Clear(); 'cleared' } catch { 'aliases fixed' }
"@
        $r.Output[0] | Should -BeLike 'PropertyAssignmentException*'
        $r.Output[1] | Should -Be 'aliases fixed'
        (Get-GpuSpec -Name H100-SXM5-80GB).Bf16Tflops | Should -Be 989.4
        (Get-GpuEquivalent -Model H100-SXM5-80GB -Count 2).Equivalents | Should -Be 2
    }
}

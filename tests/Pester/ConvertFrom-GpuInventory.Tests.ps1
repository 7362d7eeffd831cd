BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
    function Add-Computer([string] $Name) {
        process { $_ | Add-Member -NotePropertyName PSComputerName -NotePropertyValue $Name -PassThru -Force }
    }
}

Describe 'ConvertFrom-GpuInventory' {
    It 'groups remote lines per PSComputerName and takes Host from it' {
        # As Invoke-Command returns them: one string per line, each with the computer it came from.
        $a = [IO.File]::ReadAllLines((Join-Path $samples 'nvidia-smi-q-x-v11-a100-mig.xml')) | Add-Computer 'node01'
        $b = [IO.File]::ReadAllLines((Join-Path $samples 'nvidia-smi-q-x-v12-h100.xml')) | Add-Computer 'node02'
        $items = @($a) + @($b) | ConvertFrom-GpuInventory
        $items.Count | Should -Be 2
        $items[0].Host | Should -Be 'node01'
        $items[0].Model | Should -Be 'A100-SXM4-40GB'
        $items[0].MigSlices | Should -Be 3
        $items[1].Host | Should -Be 'node02'
        $items[1].Count | Should -Be 2
        $items[1].Source.File | Should -Be '<node02>'
    }

    It 'reads nvidia-smi --query-gpu=name --format=csv,noheader output from remote nodes' {
        $a = 'NVIDIA A100-SXM4-80GB', 'NVIDIA A100-SXM4-80GB' | Add-Computer 'node07'
        $b = 'NVIDIA H100 80GB HBM3', 'NVIDIA H100 80GB HBM3', 'NVIDIA H100 80GB HBM3' | Add-Computer 'node08'
        $items = @($a) + @($b) | ConvertFrom-GpuInventory
        $items.Host | Should -Be @('node07', 'node08')
        $items.Model | Should -Be @('A100-SXM4-80GB', 'H100-SXM5-80GB')
        $items | ForEach-Object Count | Should -Be @(2, 3)
    }

    It 'reads Get-Content lines per file' {
        $items = Get-Content (Join-Path $samples 'nvidia-smi-L.txt'), (Join-Path $samples 'sinfo-format.txt') | ConvertFrom-GpuInventory
        ($items | Measure-Object Count -Sum).Sum | Should -Be 28
        ($items | Where-Object Format -EQ 'SlurmSinfo').Count | Should -Be 3
        ($items | Where-Object Format -EQ 'NvidiaSmiList')[0].Source.File | Should -Match 'nvidia-smi-L\.txt$'
    }

    It 'reads a whole text and honours -Format' {
        $text = Get-Content -Raw (Join-Path $samples 'scontrol-show-node.txt')
        $items = $text | ConvertFrom-GpuInventory -Format SlurmScontrol -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        ($items | Where-Object Model | Measure-Object Count -Sum).Sum | Should -Be 26
        $errs[0].FullyQualifiedErrorId | Should -Be 'GresTypeMissing,CapacityTools.PowerShell.ConvertFromGpuInventoryCommand'
        $errs[0].Exception.Message | Should -Match ':34:'
    }

    It 'reads CSV text with -ModelColumn' {
        $items = "box,accel`nb1,NVIDIA L4`nb2,NVIDIA L4" | ConvertFrom-GpuInventory -ModelColumn accel -HostColumn box
        $items.Host | Should -Be @('b1', 'b2')
        ($items | Measure-Object Count -Sum).Sum | Should -Be 2
    }
}

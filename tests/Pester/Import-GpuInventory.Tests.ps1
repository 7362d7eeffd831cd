BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $samples = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory'
}

Describe 'Import-GpuInventory' {
    It 'declares its output type and binds PSPath from Get-ChildItem' {
        (Get-Command Import-GpuInventory).OutputType.Type | Should -Contain (Get-ModuleType 'CapacityTools.Core.Inventory.GpuInventoryItem')
        $items = Get-ChildItem (Join-Path $samples 'nvidia-smi-q-x-v1[12]*.xml') | Import-GpuInventory
        ($items | Measure-Object Count -Sum).Sum | Should -Be 4
        ($items.Source.File | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'reads <Sample> as <Format> and counts <Gpus> GPUs' -ForEach @(
        @{ Sample = 'fleet.csv'; Format = 'Csv'; Gpus = 48 }
        @{ Sample = 'cloud-instances.csv'; Format = 'CloudInstances'; Gpus = 115 }
        @{ Sample = 'nvidia-smi-query.csv'; Format = 'NvidiaSmiCsv'; Gpus = 4 }
        @{ Sample = 'nvidia-smi-q-x-v11-a100-mig.xml'; Format = 'NvidiaSmiXml'; Gpus = 2 }
        @{ Sample = 'nvidia-smi-q.txt'; Format = 'NvidiaSmiQuery'; Gpus = 2 }
        @{ Sample = 'nvidia-smi-L.txt'; Format = 'NvidiaSmiList'; Gpus = 4 }
        @{ Sample = 'nvidia-smi-table.txt'; Format = 'NvidiaSmiTable'; Gpus = 3 }
        @{ Sample = 'kubectl-nodes.json'; Format = 'KubectlNodes'; Gpus = 39 }
        @{ Sample = 'kubectl-nodes-clouds.json'; Format = 'KubectlNodes'; Gpus = 67 }
        @{ Sample = 'node-labels.json'; Format = 'KubernetesLabels'; Gpus = 8 }
        @{ Sample = 'sinfo-format.txt'; Format = 'SlurmSinfo'; Gpus = 24 }
        @{ Sample = 'sinfo-N-noheader.txt'; Format = 'SlurmSinfo'; Gpus = 20 }
        @{ Sample = 'scontrol-show-node.txt'; Format = 'SlurmScontrol'; Gpus = 26 }
        @{ Sample = 'gres.conf'; Format = 'SlurmGresConf'; Gpus = 152 }
        @{ Sample = 'lspci-hgx-a100.txt'; Format = 'Lspci'; Gpus = 8 }
        @{ Sample = 'lspci-nn-mixed.txt'; Format = 'Lspci'; Gpus = 8 }
        @{ Sample = 'rocm-smi-productname.json'; Format = 'RocmSmiJson'; Gpus = 8 }
        @{ Sample = 'amd-smi-static.txt'; Format = 'AmdSmiStatic'; Gpus = 2 }
    ) {
        $items = Import-GpuInventory -LiteralPath (Join-Path $samples $Sample) -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        [math]::Round(($items | Where-Object Model | Measure-Object Count -Sum).Sum, 4) | Should -Be $Gpus
        $items[0].Format | Should -Be $Format
        # The same file with its format named gives the same items.
        $named = Import-GpuInventory -LiteralPath (Join-Path $samples $Sample) -Format $Format -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        [math]::Round(($named | Where-Object Model | Measure-Object Count -Sum).Sum, 4) | Should -Be $Gpus
    }

    It 'reports MIG slices and replicas without counting them as GPUs' {
        $items = Import-GpuInventory (Join-Path $samples 'kubectl-nodes.json') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $h100 = $items | Where-Object Host -EQ 'hgx-h100-01'
        $h100.Count | Should -Be 8
        $h100.MigSlices | Should -Be 56
        ($items | Where-Object Host -EQ 't4-shared-01').Replicas | Should -Be 16
    }

    It 'maps columns with -ModelColumn, -CountColumn and -HostColumn' {
        $items = Import-GpuInventory (Join-Path $samples 'fleet-custom-columns.csv') -ModelColumn card -CountColumn n -HostColumn node_fqdn
        $items.Host | Should -Be @('dgx01.example.org', 'dgx02.example.org', 'hgx07.example.org')
        $items.Model | Should -Be @('H100-SXM5-80GB', 'H100-SXM5-80GB', 'B200')
    }

    Context 'bad input' {
        It 'writes an error with file and line for every bad row, counts the good rows and warns with a summary' {
            $items = Import-GpuInventory (Join-Path $samples 'fleet-bad.csv') -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
            ($items | Where-Object Model | Measure-Object Count -Sum).Sum | Should -Be 12
            $errs.Count | Should -Be 7
            $ids = $errs | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }
            ($ids | Where-Object { $_ -eq 'InvalidGpuCount' }).Count | Should -Be 4
            $ids | Should -Contain 'MissingGpuModel'
            $ids | Should -Contain 'MalformedCsvRecord'
            $ids | Should -Contain 'UnknownGpuModel'
            $errs[0].FullyQualifiedErrorId | Should -Be 'MissingGpuModel,CapacityTools.PowerShell.ImportGpuInventoryCommand'
            $errs[0].Exception.Message | Should -Match 'fleet-bad\.csv:3'
            $warns[-1] | Should -Match '7 of 10'
        }
        It 'stops on the first bad row with -ErrorAction Stop' {
            { Import-GpuInventory (Join-Path $samples 'fleet-bad.csv') -ErrorAction Stop } | Should -Throw -ErrorId 'MissingGpuModel,CapacityTools.PowerShell.ImportGpuInventoryCommand'
        }
        It 'keeps the GPUs before a truncation and reports the break' {
            $items = Import-GpuInventory (Join-Path $samples 'kubectl-nodes-truncated.json') -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            ($items | Measure-Object Count -Sum).Sum | Should -Be 10
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidInventoryData,*'
        }
        It 'warns when the header promises more GPUs than the body has' {
            $null = Import-GpuInventory (Join-Path $samples 'nvidia-smi-q-x-truncated.xml') -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
            $warns -join ' ' | Should -Match 'attached_gpus 4'
        }
        It 'writes PathNotFound for a missing file and ColumnNotFound for a missing column' {
            $null = Import-GpuInventory -Path (Join-Path $TestDrive 'nope.csv') -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'PathNotFound,CapacityTools.PowerShell.ImportGpuInventoryCommand'
            $null = Import-GpuInventory (Join-Path $samples 'fleet.csv') -CountColumn Units -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'ColumnNotFound,CapacityTools.PowerShell.ImportGpuInventoryCommand'
        }
    }

    It 'parses numbers the same under another culture' {
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $items = Import-GpuInventory (Join-Path $samples 'nvidia-smi-query-mixed.csv')
            $items[0].MemoryMiB | Should -Be 81559
            $items[0].Count | Should -Be 4
        } finally { [cultureinfo]::CurrentCulture = $before }
    }

    It 'says with -Verbose what it detected: format, encoding, columns and rows' {
        $file = Join-Path $samples 'fleet.csv'
        $verbose = Import-GpuInventory -LiteralPath $file -Verbose 4>&1 -WarningAction SilentlyContinue | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($verbose -join "`n") | Should -Match "Reading .*fleet\.csv: Csv, UTF-8\."
        ($verbose -join "`n") | Should -Match "model from '(Gpu|Model)'"
        ($verbose -join "`n") | Should -Match 'row\(s\) or block\(s\) read, \d+ skipped'
        $bulk = Measure-GpuFleet -LiteralPath $file -Verbose 4>&1 -WarningAction SilentlyContinue | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($bulk -join "`n") | Should -Match 'bulk scan, model from'
    }
}

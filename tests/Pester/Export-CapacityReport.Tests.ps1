BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $dir = Join-Path ([IO.Path]::GetTempPath()) "ct-report-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $dir
    $claims = Import-Csv "$PSScriptRoot/../../seeds/claims.csv" | Test-CapacityClaim
    $inventory = @(
        [pscustomobject]@{ Host = '<img src=x onerror=alert(1)>'; Model = 'H100-SXM5-80GB'; Count = 8 }
        [pscustomobject]@{ Host = '=HYPERLINK("http://x","y")'; Model = 'A100-SXM4-80GB'; Count = 8 }
    ) | ConvertTo-Csv | ConvertFrom-GpuInventory
}
AfterAll {
    Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-CapacityReport' {
    It 'writes <Format> from the extension <Ext> and returns the file with -PassThru' -ForEach @(
        @{ Ext = 'html'; Format = 'Html'; Marker = '<!DOCTYPE html>' }
        @{ Ext = 'md'; Format = 'Markdown'; Marker = '# Seed claims' }
        @{ Ext = 'xlsx'; Format = 'Xlsx'; Marker = 'PK' }
    ) {
        $path = Join-Path $dir "seed.$Ext"
        $file = @($claims) + @($inventory) | Export-CapacityReport -Path $path -Title 'Seed claims' -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be $path
        $file.Length | Should -BeGreaterThan 1000
        [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($path), 0, 20) | Should -BeLike "$Marker*"
        Get-ChildItem $dir -Filter '*.tmp-*' | Should -BeNullOrEmpty
    }
    It 'escapes data in HTML: a host named as an img tag shows as text' {
        $path = Join-Path $dir 'hostile.html'
        $inventory | Export-CapacityReport -Path $path
        $html = Get-Content -Raw $path
        $html | Should -Not -Match '<img'
        $html | Should -Match '&lt;img src=x onerror=alert\(1\)&gt;'
        ([regex]::Matches($html, '<svg ')).Count | Should -Be 3
        $html | Should -Not -Match '<script|<link|src="|href="'
    }
    It 'writes nothing without -PassThru, and follows -Format over the extension' {
        $path = Join-Path $dir 'report.txt'
        $out = $claims | Export-CapacityReport -Path $path -Format Markdown
        $out | Should -BeNullOrEmpty
        (Get-Content -Raw $path) | Should -Match '\| Verdict \| Claim \|'
    }
    It 'an unknown extension without -Format is a terminating UnknownReportFormat error' {
        { $claims | Export-CapacityReport -Path (Join-Path $dir 'report.pdf') } | Should -Throw -ErrorId 'UnknownReportFormat,CapacityTools.PowerShell.ExportCapacityReportCommand'
    }
    It '-NoClobber refuses an existing file; without it the file is replaced' {
        $path = Join-Path $dir 'exists.md'
        Set-Content -Path $path -Value 'old'
        { $claims | Export-CapacityReport -Path $path -NoClobber } | Should -Throw -ErrorId 'ReportFileExists,CapacityTools.PowerShell.ExportCapacityReportCommand'
        (Get-Content -Raw $path).Trim() | Should -Be 'old'
        $claims | Export-CapacityReport -Path $path
        (Get-Content -Raw $path) | Should -Match 'Supported'
    }
    It '-LiteralPath takes wildcard characters as written' {
        $path = Join-Path $dir 'fleet[1].md'
        $file = $claims | Export-CapacityReport -LiteralPath $path -PassThru
        $file.Name | Should -Be 'fleet[1].md'
        Test-Path -LiteralPath $path | Should -BeTrue
    }
    It 'a read-only file needs -Force' {
        $path = Join-Path $dir 'readonly.md'
        Set-Content -Path $path -Value 'old'
        Set-ItemProperty -Path $path -Name IsReadOnly -Value $true
        { $claims | Export-CapacityReport -Path $path } | Should -Throw -ErrorId 'ReportFileExists,CapacityTools.PowerShell.ExportCapacityReportCommand'
        $claims | Export-CapacityReport -Path $path -Force
        (Get-Content -Raw $path) | Should -Match 'Supported'
    }
    It '-WhatIf writes no file' {
        $path = Join-Path $dir 'whatif.html'
        $claims | Export-CapacityReport -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }
    It 'resolves a relative path from the current location' {
        Push-Location $dir
        try {
            $file = $claims | Export-CapacityReport -Path 'relative.md' -PassThru
            $file.FullName | Should -Be (Join-Path $dir 'relative.md')
        } finally { Pop-Location }
    }
    It 'shows other objects as a table of their properties, with a warning' {
        $path = Join-Path $dir 'other.md'
        [pscustomobject]@{ Site = 'north|east'; Racks = 12 } | Export-CapacityReport -Path $path -WarningVariable warns -WarningAction SilentlyContinue
        $warns.Count | Should -Be 1
        $md = Get-Content -Raw $path
        $md | Should -Match '## Other: PSCustomObject'
        $md | Should -Match '\| north\\\|east \| 12 \|'
    }
    It 'writes ReportNotWritten when the folder does not exist' {
        $claims | Export-CapacityReport -Path (Join-Path $dir 'no/such/folder/r.html') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ReportNotWritten,CapacityTools.PowerShell.ExportCapacityReportCommand'
    }
    It 'stages DocumentFormat.OpenXml in deps/' {
        $deps = Join-Path (Split-Path $env:CAPACITYTOOLS_MODULE) 'deps'
        Test-Path (Join-Path $deps 'DocumentFormat.OpenXml.dll') | Should -BeTrue
        Test-Path (Join-Path $deps 'DocumentFormat.OpenXml.Framework.dll') | Should -BeTrue
    }
}

BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    . "$PSScriptRoot/PrometheusFixture.ps1"
    # The real Prometheus for the examples that need one, started on first use; a string says why there is none.
    function Get-ExampleServer {
        if (-not $script:exampleServer) {
            $reason = Get-PrometheusSkipReason
            if ($reason -and $env:CI -eq 'true') { throw "CI=true and the help examples that need Prometheus cannot run: $reason" }
            $script:exampleServer = if ($reason) { $reason } else {
                Start-TestPrometheus -ScrapeFiles (Get-ChildItem (Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/telemetry/dcgm') -Filter *.txt).FullName
            }
        }
        $script:exampleServer
    }
    $manifest = Import-PowerShellDataFile $env:CAPACITYTOOLS_MODULE
    $module = Get-Module CapacityTools
}

Describe 'CapacityTools module' {
    It 'has a complete manifest' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.FunctionsToExport.Count | Should -Be 0
        $manifest.VariablesToExport.Count | Should -Be 0
        $manifest.AliasesToExport.Count | Should -Be 0
        $manifest.FormatsToProcess | Should -Contain 'CapacityTools.Format.ps1xml'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
    }
    It 'exports exactly the cmdlets the manifest lists' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }
    It 'is stamped with the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw "$PSScriptRoot/../../Directory.Build.props")
        $module.Version.ToString() | Should -Be $props.Project.PropertyGroup.VersionPrefix
        (Split-Path (Split-Path $env:CAPACITYTOOLS_MODULE) -Leaf) | Should -Be $module.Version.ToString()
    }
    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        foreach ($c in $module.ExportedCmdlets.Values) { $approved | Should -Contain $c.Verb }
    }
    It 'does not ship System.Management.Automation' {
        Join-Path (Split-Path $env:CAPACITYTOOLS_MODULE) 'System.Management.Automation.dll' | Should -Not -Exist
    }
    It 'ships the NOTICE with the Epoch AI attribution' {
        Get-Content -Raw (Join-Path (Split-Path $env:CAPACITYTOOLS_MODULE) 'NOTICE') | Should -Match 'Epoch AI'
    }
    It 'imports without warnings in a fresh session' {
        $exe = [Environment]::ProcessPath
        [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
        $out = & $exe @prefix -NoProfile -NonInteractive -Command "Import-Module '$($env:CAPACITYTOOLS_MODULE)' -WarningVariable w 3>`$null; `$w.Count"
        $out | Should -Be '0'
    }
    It 'lists every exported cmdlet in about_CapacityTools' {
        $about = Get-Content -Raw (Join-Path (Split-Path $env:CAPACITYTOOLS_MODULE) 'en-US/about_CapacityTools.help.txt')
        foreach ($name in (Import-PowerShellDataFile $env:CAPACITYTOOLS_MODULE).CmdletsToExport) {
            $about | Should -Match "(?m)^\s+$name\s" -Because "$name must be listed"
        }
    }

    It 'shows the real default values and wildcard support in the help' {
        $pue = (Get-Help Measure-GpuFleet -Parameter Pue)
        $pue.defaultValue | Should -Be '1.2'
        (Get-Help Get-GpuEquivalent -Parameter Reference).defaultValue | Should -Be 'H100-SXM5-80GB'
        (Get-Help Get-GpuEquivalent -Parameter Metric).defaultValue | Should -Be 'Bf16'
        (Get-Help Get-GpuSpec -Parameter Name).globbing | Should -Be 'true'
        (Get-Help Get-GpuSpec -Parameter Vendor).globbing | Should -Be 'true'
        (Get-Help Get-GpuEquivalent -Parameter Model).defaultValue | Should -Be 'None'
    }

}

Describe 'Help for <_>' -ForEach @((Import-PowerShellDataFile $env:CAPACITYTOOLS_MODULE).CmdletsToExport) {
    BeforeAll {
        $name = $_
        $help = Get-Help $name -Full
        $command = Get-Command $name
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }
    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$name*[<]*"
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }
    It 'documents exactly the cmdlet''s parameters' {
        $documented = @($help.Parameters.Parameter.Name | Sort-Object)
        $actual = @($command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
        $documented | Should -Be $actual
        foreach ($p in $help.Parameters.Parameter) { ($p.Description.Text -join ' ') | Should -Not -BeNullOrEmpty }
    }
    It 'has at least two examples that run without error' {
        $help.Examples.Example.Count | Should -BeGreaterOrEqual 2
        # Examples that ask http://prometheus.example:9090 run against a real test Prometheus (PrometheusFixture.ps1) that
        # serves the recorded dcgm-exporter scrapes and backfilled history; examples/gpu-tools stands in for the vendor tools.
        $skipped = @()
        $savedPath = $env:PATH
        $env:PATH = (Join-Path $PSScriptRoot 'examples/gpu-tools') + [IO.Path]::PathSeparator + $env:PATH
        try {
            foreach ($example in $help.Examples.Example) {
                $code = $example.Code
                if ($code -match 'prometheus\.example:9090') {
                    $server = Get-ExampleServer
                    if ($server -is [string]) { $skipped += $code; continue }
                    $code = "`$PSDefaultParameterValues['Get-Gpu*:Credential'] = [pscredential]::new('$($server.Credential.UserName)', (ConvertTo-SecureString '$($server.Password)' -AsPlainText -Force))`n" +
                        ($code -replace 'http://prometheus\.example:9090', $server.Uri)
                }
                $run = Invoke-Isolated -Script $code -Location (Join-Path $PSScriptRoot 'examples')
                $run.Errors | Should -BeNullOrEmpty -Because $example.Code
                $run.Output | Should -Not -BeNullOrEmpty -Because $example.Code
            }
        } finally {
            $env:PATH = $savedPath
        }
        if ($skipped) { Set-ItResult -Skipped -Because "$($skipped.Count) example(s) need a real Prometheus: $(Get-PrometheusSkipReason)" }
    }

}

AfterAll {
    if ($script:exampleServer -and $script:exampleServer -isnot [string]) { $script:exampleServer.Stop() }
}

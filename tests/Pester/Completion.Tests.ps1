BeforeAll { . "$PSScriptRoot/TestHelpers.ps1" }

Describe 'Tab completion' {
    It 'completes <Parameter> of <Command> from the catalog' -ForEach @(
        @{ Command = 'Get-GpuEquivalent'; Parameter = 'Model'; Word = 'H100-S'; Expected = 'H100-SXM5-80GB' }
        @{ Command = 'Get-GpuEquivalent'; Parameter = 'Reference'; Word = 'A100-SXM4-8'; Expected = 'A100-SXM4-80GB' }
        @{ Command = 'Get-GpuSpec'; Parameter = 'Name'; Word = 'MI30'; Expected = 'MI300X' }
        @{ Command = 'Resolve-GpuModel'; Parameter = 'Name'; Word = 'p4d'; Expected = 'p4d.24xlarge' }
    ) {
        $line = "$Command -$Parameter $Word"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain $Expected
        $result.CompletionMatches.CompletionText | ForEach-Object { $_.Trim("'") | Should -BeLike "$Word*" }
    }
    It 'quotes names with spaces' {
        $line = "Get-GpuSpec -Name 'NVIDIA A100-SXM4-8"
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain "'NVIDIA A100-SXM4-80GB'"
    }
    It 'completes enum values of -Metric' {
        $line = 'Get-GpuEquivalent -Model A100 -Metric Ep'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Epoch8Bit'
    }
}

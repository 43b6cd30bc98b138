using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;

namespace NegLR.Analyzers.Resources;

/// <summary>NLR04xx: what simulating the ansatz costs — a state vector beyond <c>neglr.max_state_vector_mb</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResourceAnalyzer : AnsatzAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(DiagnosticDescriptors.StateVectorMemory);

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (!ansatz.QubitsInRange)
        {
            return;
        }

        // 2^n amplitudes of 16 bytes (a complex of two doubles).
        double mib = Math.Pow(2, ansatz.Qubits) * 16 / (1024.0 * 1024.0);
        if (mib <= settings.MaxStateVectorMb)
        {
            return;
        }

        sink.Report(DiagnosticDescriptors.StateVectorMemory, ansatz.QubitsLocation,
            $"A {Int(ansatz.Qubits)}-qubit state vector takes {Size(mib)} (2^{Int(ansatz.Qubits)} amplitudes × 16 bytes), and the adjoint gradient " +
            $"needs a second one ({Size(2 * mib)} in all): beyond neglr.max_state_vector_mb = {Int(settings.MaxStateVectorMb)}");
    }

    private static string Size(double mib) => mib >= 1024
        ? (mib / 1024).ToString("0.##", CultureInfo.InvariantCulture) + " GiB"
        : mib.ToString("0.##", CultureInfo.InvariantCulture) + " MiB";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Facts;

/// <summary>
/// NLR02xx: provable facts about the recorded circuit — qubits out of range or repeated, negative weight and input
/// indices, weights outside every observable's backward light cone (gradient identically zero: NLR0204 where the user
/// wrote the gate, NLR0207 where a template did), qubits no gate touches, and gates that do nothing where they stand.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QuantumFactsAnalyzer : AnsatzAnalyzer
{
    /// <summary>Diagnostic property: "true" when every gate the call records is dead, so removing the call is safe.</summary>
    public const string AllGatesProperty = "AllGates";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(
        DiagnosticDescriptors.QubitOutOfRange,
        DiagnosticDescriptors.RepeatedQubit,
        DiagnosticDescriptors.NegativeIndex,
        DiagnosticDescriptors.DeadWeight,
        DiagnosticDescriptors.UnusedQubit,
        DiagnosticDescriptors.IneffectiveGate,
        DiagnosticDescriptors.TemplateDeadWeight);

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        // A template's circuit; a body's is analysed with the body.
        if (ansatz.Template != AnsatzTemplate.None && ansatz.Circuit is { } circuit)
        {
            AnalyzeCircuit(ansatz, circuit, sink, cancellationToken);
        }
    }

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (ansatz.QubitsInRange)
        {
            foreach (var problem in ansatz.Body!.Problems)
            {
                var descriptor = problem.Detail switch
                {
                    BodyProblemDetail.QubitOutOfRange => DiagnosticDescriptors.QubitOutOfRange,
                    BodyProblemDetail.RepeatedQubit => DiagnosticDescriptors.RepeatedQubit,
                    BodyProblemDetail.NegativeIndex => DiagnosticDescriptors.NegativeIndex,
                    _ => null,
                };

                if (descriptor is not null)
                {
                    sink.Report(descriptor, problem.Location, problem.Message);
                }
            }
        }

        if (ansatz.Circuit is { } circuit)
        {
            AnalyzeCircuit(ansatz, circuit, sink, cancellationToken);
        }
    }

    private static void AnalyzeCircuit(AnsatzDeclaration ansatz, Circuit circuit, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        UnusedQubits(ansatz, circuit, sink);
        IneffectiveGates(ansatz, circuit, sink);
        if (ansatz.ObservablesValid)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeadWeights(ansatz, circuit, sink);
        }
    }

    private static void DeadWeights(AnsatzDeclaration ansatz, Circuit circuit, DiagnosticSink sink)
    {
        // The union of the backward light cones of every term of every observable. The union of cones is the cone of the
        // union of supports (a gate joins one exactly when it touches one of them), so one backward pass does it.
        int support = 0;
        foreach (var observable in ansatz.Observables)
        {
            foreach (var term in observable.Terms!)
            {
                support |= term.Support;
            }
        }

        var visible = VisibleWeights(circuit, support, out int visibleCount);
        if (visibleCount == circuit.WeightCount)
        {
            // Every weight is seen, so every weight is used by a gate too: nothing is dead (the common case).
            return;
        }

        var used = new bool[circuit.WeightCount];
        foreach (var (site, gates) in ansatz.GatesBySite())
        {
            List<int>? dead = null;
            int weighted = 0;
            foreach (int g in gates)
            {
                bool hasWeight = false, allDead = true;
                foreach (var angle in circuit.Gates[g].Angles)
                {
                    if (angle.Source == AngleSource.Weight)
                    {
                        hasWeight = true;
                        used[angle.Index] = true;
                        allDead &= !IsVisible(visible, angle.Index);
                    }
                }

                if (hasWeight)
                {
                    weighted++;
                    if (allDead)
                    {
                        (dead ??= new List<int>()).Add(g);
                    }
                }
            }

            if (dead is null)
            {
                continue;
            }

            bool all = dead.Count == gates.Count;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(AllGatesProperty, all ? "true" : "false");
            if (ansatz.Template != AnsatzTemplate.None)
            {
                // The template's gates: nothing to remove, so a suggestion (NLR0207) rather than NLR0204's warning.
                sink.Report(DiagnosticDescriptors.TemplateDeadWeight, site, DeadMessage(circuit, gates.Count, weighted, dead, "the template records") +
                    "; the gates are the template's, so a cost that measures where they act, or another template, is the fix");
                continue;
            }

            sink.Report(DiagnosticDescriptors.DeadWeight, site, properties, DeadMessage(circuit, gates.Count, weighted, dead, "this call records"));
        }

        // Weights no gate uses at all (c.Weight() never passed to a gate, or indices skipped by c.Weight(k)).
        for (int k = 0; k < circuit.WeightCount; k++)
        {
            if (used[k])
            {
                continue;
            }

            var site = ansatz.Body is { WeightSites: { IsEmpty: false } sites } && k < sites.Length && sites[k] is { } s ? s : ansatz.CircuitLocation;
            sink.Report(DiagnosticDescriptors.DeadWeight, site,
                ImmutableDictionary<string, string?>.Empty.Add(AllGatesProperty, "false"),
                $"The weight w[{Int(k)}] is never used by a gate, so its gradient is identically zero; pass it to a gate or remove it");
        }
    }

    /// <summary>The weights inside the backward light cone of <paramref name="support"/>, as flags by index, and how many.</summary>
    private static bool[] VisibleWeights(Circuit circuit, int support, out int count)
    {
        var visible = new bool[circuit.WeightCount];
        circuit.MarkBackwardLightCone(support, visible);
        count = 0;
        foreach (bool v in visible)
        {
            count += v ? 1 : 0;
        }

        return visible;
    }

    private static bool IsVisible(bool[] visible, int index) => (uint)index < (uint)visible.Length && visible[index];

    private static string DeadMessage(Circuit circuit, int gates, int weighted, List<int> dead, string recorder)
    {
        // The dead weights in order of first appearance, each once.
        var weights = new List<string>();
        var seen = new HashSet<int>();
        foreach (int g in dead)
        {
            foreach (var angle in circuit.Gates[g].Angles)
            {
                if (angle.Source == AngleSource.Weight && seen.Add(angle.Index))
                {
                    weights.Add("w[" + Int(angle.Index) + "]");
                }
            }
        }

        string list = string.Join(", ", weights.Take(8)) + (weights.Count > 8 ? $", … ({Int(weights.Count)} in all)" : "");
        if (gates == 1)
        {
            var gate = circuit.Gates[dead[0]];
            return $"{gate.Kind} on {Qubits(gate)} lies outside the backward light cone of every observable term, so {list} can never change the cost " +
                   "(its gradient is identically zero); remove the gate or measure what it acts on";
        }

        var example = circuit.Gates[dead[0]];
        string which = dead.Count == weighted ? $"All {Int(dead.Count)} weighted gates" : $"{Int(dead.Count)} of the {Int(weighted)} weighted gates";
        return $"{which} {recorder} (e.g. {example.Kind} on {Qubits(example)}) lie outside the backward light cone of every observable term: " +
               $"{list} can never change the cost (gradient identically zero)";
    }

    private static void UnusedQubits(AnsatzDeclaration ansatz, Circuit circuit, DiagnosticSink sink)
    {
        int touched = 0;
        foreach (var gate in circuit.Gates)
        {
            if (gate.Kind != GateKind.I)
            {
                foreach (int q in gate.Qubits)
                {
                    touched |= 1 << q;
                }
            }
        }

        int all = circuit.Qubits >= 31 ? -1 : (1 << circuit.Qubits) - 1;
        if ((touched & all) == all)
        {
            // Every qubit is touched (the common case): nothing to report, nothing to allocate.
            return;
        }

        var unused = Enumerable.Range(0, circuit.Qubits).Where(q => ((touched >> q) & 1) == 0).ToList();
        if (unused.Count == 0)
        {
            return;
        }

        int measured = 0;
        foreach (var observable in ansatz.Observables)
        {
            foreach (var term in observable.Terms ?? (IReadOnlyList<ObservableTerm>)Array.Empty<ObservableTerm>())
            {
                measured |= term.Support;
            }
        }

        string qubits = unused.Count == 1 ? "qubit " + Int(unused[0]) : "qubits " + JoinAnd(unused.Select(Int).ToList());
        string note = unused.Any(q => ((measured >> q) & 1) != 0)
            ? "; an observable acts on it, but it stays in |0⟩, so that part of the cost is a constant"
            : $"; it stays in |0⟩ and only doubles the state vector (declare Qubits = {Int(circuit.Qubits - unused.Count)} and renumber, or add its gates)";
        sink.Report(DiagnosticDescriptors.UnusedQubit, ansatz.QubitsLocation, qubits, unused.Count == 1 ? note : note.Replace(" it ", " they ").Replace("it stays", "they stay"));
    }

    private static void IneffectiveGates(AnsatzDeclaration ansatz, Circuit circuit, DiagnosticSink sink)
    {
        // Forward from |0…0⟩: a qubit is 'fresh' until a gate that can move it out of |0⟩ acts on it.
        var fresh = new bool[circuit.Qubits];
        for (int q = 0; q < fresh.Length; q++)
        {
            fresh[q] = true;
        }

        var reasons = new string?[circuit.Gates.Count];
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var gate = circuit.Gates[g];
            reasons[g] = Ineffective(gate, fresh);
            if (reasons[g] is null && !gate.Info.IsDiagonal)
            {
                Move(gate, fresh);
            }
        }

        if (Array.TrueForAll(reasons, r => r is null))
        {
            return;
        }

        foreach (var (site, gates) in ansatz.GatesBySite())
        {
            if (gates.TrueForAll(g => reasons[g] is not null))
            {
                string reason = reasons[gates[0]]!;
                string message = gates.Count == 1
                    ? reason
                    : $"All {Int(gates.Count)} gates this call records do nothing where they stand (e.g. {reason})";
                sink.Report(DiagnosticDescriptors.IneffectiveGate, site, ImmutableDictionary<string, string?>.Empty.Add(AllGatesProperty, "true"), message);
            }
        }
    }

    /// <summary>Why <paramref name="gate"/> does nothing on the current state, or null when it may do something.</summary>
    private static string? Ineffective(Gate gate, bool[] fresh)
    {
        var q = gate.Qubits;
        switch (gate.Kind)
        {
            case GateKind.I:
                return null;
            case GateKind.CNOT:
            case GateKind.CY:
            case GateKind.CRX:
            case GateKind.CRY:
            case GateKind.CRZ:
            case GateKind.CSWAP:
                return fresh[q[0]] ? $"{gate.Kind} on {Qubits(gate)} does nothing here: its control qubit {Int(q[0])} is still in |0⟩" : null;
            case GateKind.Toffoli:
                return fresh[q[0]] || fresh[q[1]]
                    ? $"Toffoli on {Qubits(gate)} does nothing here: control qubit {Int(fresh[q[0]] ? q[0] : q[1])} is still in |0⟩"
                    : null;
            case GateKind.CZ:
            case GateKind.CPhase:
                // Symmetric: a phase on |11⟩ only, so one qubit in |0⟩ is enough.
                return fresh[q[0]] || fresh[q[1]]
                    ? $"{gate.Kind} on {Qubits(gate)} does nothing here: qubit {Int(fresh[q[0]] ? q[0] : q[1])} is still in |0⟩, and {gate.Kind} only changes the phase of |11⟩"
                    : null;
            default:
                return gate.Info.IsDiagonal && AllFresh(q, fresh)
                    ? $"{gate.Kind} on {Qubits(gate)} does nothing here: {(q.Length == 1 ? "the qubit is" : "its qubits are")} still in |0⟩, where a diagonal gate only multiplies the state by a global phase"
                    : null;
        }
    }

    private static bool AllFresh(System.Collections.Immutable.ImmutableArray<int> qubits, bool[] fresh)
    {
        foreach (int q in qubits)
        {
            if (!fresh[q])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Marks the qubits an effective gate can move out of |0⟩ (a controlled gate's target, not its control).</summary>
    private static void Move(Gate gate, bool[] fresh)
    {
        var q = gate.Qubits;
        switch (gate.Kind)
        {
            case GateKind.CNOT or GateKind.CY or GateKind.CRX or GateKind.CRY:
                fresh[q[1]] = false;
                break;
            case GateKind.Toffoli:
                fresh[q[2]] = false;
                break;
            case GateKind.CSWAP:
                fresh[q[1]] = false;
                fresh[q[2]] = false;
                break;
            default:
                foreach (int qubit in q)
                {
                    fresh[qubit] = false;
                }

                break;
        }
    }

    private static string Qubits(Gate gate) =>
        gate.Qubits.Length == 1 ? "qubit " + Int(gate.Qubits[0]) : "qubits " + string.Join(", ", gate.Qubits.Select(Int));

    private static string JoinAnd(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using NegLR.Generator.Parsing;

namespace NegLR.Generator.Model;

/// <summary>
/// What the pipeline's first step reads from one [Ansatz] declaration on every compilation: the attribute arguments,
/// the observables, and the [Circuit] body lowered to a <see cref="BodyModel"/> — nothing run, nothing drawn. Cheap to
/// make (the body's lowering is cached per syntax node) and value-equal with no symbols, syntax nodes or locations, so
/// an edit that does not change the declaration leaves every later step cached.
/// </summary>
/// <param name="Hierarchy">Where the partial type lives.</param>
/// <param name="Qubits">Declared qubit count.</param>
/// <param name="Template">The template when there is no [Circuit] method.</param>
/// <param name="Layers">Template layers.</param>
/// <param name="Observables">Declared observables, in source order.</param>
/// <param name="BuildMethod">Name of the [Circuit] method as C# source, or null for a template.</param>
/// <param name="Body">The lowered [Circuit] body, or null for a template or a body that cannot be read.</param>
/// <param name="Failure">Why the declaration cannot be compiled (the stub's message), or null.</param>
/// <param name="Omitted">
/// Why no code is generated at all (a generic or ref struct type, a static class, a member clash, an old LangVersion):
/// a stub could not compile there either, and the analyzers report the cause.
/// </param>
/// <param name="Noise">The noise attributes (<c>[Depolarizing]</c>, <c>[DeviceProfile]</c>, …), or null when there are none.</param>
/// <param name="NoisyMemberClash">A user member named like a member generated only for noisy ansätze, or null.</param>
internal sealed record AnsatzDeclaration(
    HierarchyInfo Hierarchy,
    int Qubits,
    AnsatzTemplate Template,
    int Layers,
    EquatableArray<ObservableSpec> Observables,
    string? BuildMethod,
    BodyModel? Body,
    string? Failure,
    string? Omitted,
    NoiseDeclaration? Noise = null,
    string? NoisyMemberClash = null);

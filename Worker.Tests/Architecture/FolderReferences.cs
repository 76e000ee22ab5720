using System.Reflection;
using System.Reflection.Emit;

namespace Worker.Tests.Architecture;

/// <summary>
/// The arrows between top-level folders (namespaces <c>Worker.X…</c>) that the compiled assembly really has: signatures,
/// fields, locals, attributes and every type, method and field a method body names. Reading the IL rather than the
/// source sees what a <c>using</c> hides (a parent-relative <c>Cli.UsageException</c>) and what Razor generates; it misses
/// only what the compiler inlines (constants, <c>nameof</c>).
/// </summary>
public static class FolderReferences
{
    /// <summary>One real arrow and one place that makes it, for the failure message.</summary>
    public sealed record Arrow(string From, string To, string Example);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static IReadOnlyList<Arrow> Of(Assembly assembly)
    {
        var arrows = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type) is not { } from) continue;
            void Add(Type? target, string where)
            {
                foreach (var t in Expand(target))
                    if (FolderOf(t) is { } to && to != from) arrows.TryAdd((from, to), $"{type.FullName} {where} {t.FullName}");
            }
            Add(type.BaseType, "derives from");
            foreach (var i in type.GetInterfaces()) Add(i, "implements");
            foreach (var a in type.CustomAttributes) Add(a.AttributeType, "is marked");
            foreach (var f in type.GetFields(Everything)) Add(f.FieldType, $"field {f.Name} is a");
            foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType, $"property {p.Name} is a");
            foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (m is MethodInfo info) Add(info.ReturnType, $"{m.Name} returns");
                foreach (var p in m.GetParameters()) Add(p.ParameterType, $"{m.Name} takes");
                foreach (var a in m.CustomAttributes) Add(a.AttributeType, $"{m.Name} is marked");
                var body = m.GetMethodBody();
                if (body is null) continue;
                foreach (var local in body.LocalVariables) Add(local.LocalType, $"{m.Name} keeps a local");
                foreach (var used in BodyReferences(m, body.GetILAsByteArray() ?? [])) Add(used, $"{m.Name} uses");
            }
        }
        return [.. arrows.Select(a => new Arrow(a.Key.Item1, a.Key.Item2, a.Value)).OrderBy(a => a.From, StringComparer.Ordinal).ThenBy(a => a.To, StringComparer.Ordinal)];
    }

    /// <summary>"Pdf" for <c>Worker.Pdf.Stamp.X</c> and its nested and compiler-made types; null outside <c>Worker.X</c>.</summary>
    public static string? FolderOf(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        var parts = (outer.Namespace ?? "").Split('.');
        return parts.Length >= 2 && parts[0] == "Worker" ? parts[1] : null;
    }

    // A type and what it is built from: List<Signing.X>, X[], ref X.
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType())) yield return t;
            yield break;
        }
        yield return type;
        if (type.IsConstructedGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var t in Expand(argument)) yield return t;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method, byte[] il)
    {
        foreach (var member in MembersUsed(method, il))
        {
            if (member is Type t) yield return t;
            else if (member.DeclaringType is { } declaring) yield return declaring;
            if (member is MethodInfo { IsGenericMethod: true } generic)
                foreach (var argument in generic.GetGenericArguments()) yield return argument;
        }
    }

    /// <summary>Every type, method and field a method body names, read from its IL.</summary>
    public static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method) => MembersUsed(method, method.GetMethodBody()?.GetILAsByteArray() ?? []);

    private static IEnumerable<MemberInfo> MembersUsed(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE && at < il.Length) value = unchecked((short)(0xFE00 | il[at++]));
            if (!OpCodesByValue.TryGetValue(value, out var code)) yield break;
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments); }
                catch (ArgumentException) { /* a token of another generic context: its declaring type is seen elsewhere */ }
                if (member is not null) yield return member;
            }
            at += size;
        }
    }
}

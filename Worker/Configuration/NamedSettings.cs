using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Worker.Configuration;

/// <summary>
/// Checks the enum settings and <see cref="StampPage"/> before binding. The binder drops a list item or dictionary entry
/// whose value it cannot convert, without a word (a route with <c>Mode: Parallel</c> would vanish), so a wrong value is
/// found here, under lists and dictionaries too, and reported with its key.
/// </summary>
internal static class NamedSettings
{
    /// <summary>The first section under <paramref name="section"/> whose value its named-values type refuses, and that type.</summary>
    public static (IConfigurationSection Section, Type Type)? FirstWrong(IConfigurationSection section, Type type)
    {
        foreach (var child in section.GetChildren())
        {
            var target = ChildType(type, child.Key);
            if (target is null) continue;
            var plain = Nullable.GetUnderlyingType(target) ?? target;
            if (plain.IsEnum || plain == typeof(StampPage))
            {
                if (child.Value is { Length: > 0 } value && !Converts(plain, value)) return (child, plain);
            }
            else if (child.Value is null && FirstWrong(child, target) is { } wrong) return wrong;
        }
        return null;
    }

    private static bool Converts(Type type, string value)
    {
        try { TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value); return true; }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException) { return false; }
    }

    // The type a child key binds to: a list's or dictionary's element, or a property of a class (case-insensitive, as the binder).
    private static Type? ChildType(Type type, string key)
    {
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            return type.GetGenericArguments()[^1];
        if (type.IsArray) return type.GetElementType();
        if (type == typeof(string) || type.IsPrimitive) return null;
        return type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
    }
}

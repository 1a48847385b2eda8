package dev.appservices.extension.internal.cdi;

import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;

/**
 * Readable names of the places that use {@code @AppServices}, for messages: {@code com.acme.Orders.app} for a field,
 * {@code com.acme.Orders.init(parameter 1)} for a parameter (constructors are named {@code <init>}).
 */
public final class InjectionPoints {

    private InjectionPoints() {}

    /**
     * Describes an injection point.
     *
     * @param injectionPoint the injection point
     * @return {@code at <class>.<member>}, with the parameter position for parameters
     */
    public static String describe(InjectionPoint injectionPoint) {
        Annotated annotated = injectionPoint.getAnnotated();
        if (annotated instanceof AnnotatedParameter) {
            AnnotatedParameter<?> parameter = (AnnotatedParameter<?>) annotated;
            return "at " + member(parameter.getDeclaringCallable().getJavaMember()) + "(parameter "
                    + (parameter.getPosition() + 1) + ")";
        }
        Member member = injectionPoint.getMember();
        return "at " + (member != null ? member(member) : injectionPoint.toString());
    }

    /**
     * Describes an observer method.
     *
     * @param method the observer method, or null for an observer added by an extension
     * @param beanClass the class that declares the observer
     * @return {@code on the observer method <class>.<method>}
     */
    public static String describeObserver(AnnotatedMethod<?> method, Class<?> beanClass) {
        return "on the observer method "
                + (method != null ? member(method.getJavaMember()) + "()" : beanClass.getName() + " (synthetic)");
    }

    private static String member(Member member) {
        String name = member instanceof Constructor ? "<init>" : member.getName();
        return member.getDeclaringClass().getName() + "." + name;
    }
}

module org.example.bad {
    requires org.safeguarding.rules.core;
}

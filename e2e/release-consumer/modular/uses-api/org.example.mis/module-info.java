module org.example.mis {
    requires org.safeguarding.rules.core;
}

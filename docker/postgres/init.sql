-- One database per service: no service reads another's tables.
CREATE DATABASE loop_requests;
CREATE DATABASE loop_dispatch;
CREATE DATABASE loop_volunteer_hours;
CREATE DATABASE loop_notifications;

module example.com/acme/server

go 1.22

require (
	github.com/acme/tinylog v1.4.0
	golang.org/x/text v0.14.0 // indirect
)

require github.com/acme/unvendored v0.2.0

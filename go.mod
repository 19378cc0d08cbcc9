module github.com/easkit/easkit

go 1.26

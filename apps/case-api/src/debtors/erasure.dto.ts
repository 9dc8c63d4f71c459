import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class ErasureRequestDto {
  @ApiProperty({
    example: 'GDPR art. 17 request 2026-118',
    description: "The agency's reference for the record (a ticket, a policy): never the debtor's own data.",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  // One line of plain text: it is kept in the key's tombstone and in every case's history.
  @Matches(/^[^\r\n\t]+$/, { message: 'reason must be one line of text' })
  reason!: string;
}
